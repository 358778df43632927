import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigs, loadSavedConfig, saveConfig } from '@scitex/config';

process.env.TZ = 'Asia/Tokyo'; // so the dates printed below are the same on every machine

// A project folder with ./config/MODEL.yaml and ./config/PATH.yaml
const project = mkdtempSync(join(tmpdir(), 'scitex-config-example-'));
mkdirSync(join(project, 'config'));
writeFileSync(join(project, 'config', 'MODEL.yaml'), 'lr: 0.01\nDEBUG_lr: 0.5\nlayers: [64, 32]\n');
writeFileSync(join(project, 'config', 'PATH.yaml'), 'data: ./data\napi_token: s3cr3t\n');
process.chdir(project); // loadConfigs reads ./config relative to the working directory

const { config, sources, debug } = loadConfigs();
console.log(config.MODEL); //=> { lr: 0.01, DEBUG_lr: 0.5, layers: [ 64, 32 ] }
console.log(sources.PATH?.endsWith('/config/PATH.yaml'), debug); //=> true false
console.log(loadConfigs({ debug: true }).config.MODEL); //=> { lr: 0.5, DEBUG_lr: 0.5, layers: [ 64, 32 ] }

// Snapshot it next to the results: CONFIG.yaml to read, CONFIG.json to load back.
const CONFIG = { ...config, ID: 'demo', START_TIME: new Date('2025-11-17T22:53:37.123Z') };
const paths = saveConfig(CONFIG, 'out/CONFIGS');
console.log(readFileSync(paths.yaml, 'utf8'));
//=> # CONFIG snapshot written by @scitex/config (for reading; CONFIG.json is the exact copy)
//=> MODEL:
//=>   lr: 0.01
//=>   DEBUG_lr: 0.5
//=>   layers:
//=>     - 64
//=>     - 32
//=> PATH:
//=>   data: ./data
//=>   api_token: '***'
//=> ID: demo
//=> START_TIME: 2025-11-18T07:53:37.123+09:00
//=>

const back = loadSavedConfig('out');
console.log(back.START_TIME instanceof Date, back.START_TIME); //=> true 2025-11-17T22:53:37.123Z
console.log(back.PATH); //=> { data: './data', api_token: '***' }

rmSync(project, { recursive: true, force: true });
