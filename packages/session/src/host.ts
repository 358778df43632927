/**
 * CONFIG.HOST: where the run happened — enough to tell two machines or two cluster jobs
 * apart when comparing runs later.
 */
import { cpus, hostname, totalmem, userInfo } from 'node:os';

/** Scheduler variables worth keeping: SLURM, PBS/Torque, LSF, SGE, and visible GPUs. */
const JOB_VARS = [
  'SLURM_JOB_ID',
  'SLURM_ARRAY_JOB_ID',
  'SLURM_ARRAY_TASK_ID',
  'SLURM_JOB_NAME',
  'SLURM_NODELIST',
  'SLURM_PROCID',
  'PBS_JOBID',
  'PBS_ARRAYID',
  'LSB_JOBID',
  'LSB_JOBINDEX',
  'JOB_ID',
  'SGE_TASK_ID',
  'CUDA_VISIBLE_DEVICES',
];

export interface HostInfo {
  hostname: string;
  user: string | null;
  platform: NodeJS.Platform;
  arch: string;
  node: string;
  cpus: number;
  cpuModel: string | null;
  memoryGiB: number;
  /** Present only when a scheduler set them. */
  job?: Record<string, string>;
}

/** Describes this machine and any cluster job the run belongs to. */
export function hostInfo(env: NodeJS.ProcessEnv = process.env): HostInfo {
  const list = cpus();
  // The login name the shell set; the user database only without one. On a cluster that
  // lookup can go over the network (LDAP, SSSD) — not something every start should wait on.
  let user: string | null = env['USER'] || env['LOGNAME'] || env['USERNAME'] || null;
  if (user === null) {
    try {
      user = userInfo().username;
    } catch {
      // No passwd entry (some containers): not worth failing a run for.
    }
  }
  const info: HostInfo = {
    hostname: hostname(),
    user,
    platform: process.platform,
    arch: process.arch,
    node: process.version,
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? null,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
  const job: Record<string, string> = {};
  for (const k of JOB_VARS) if (env[k]) job[k] = env[k]!;
  if (Object.keys(job).length) info.job = job;
  return info;
}
