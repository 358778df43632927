/** What a command's register function returns: the exit code its action chose. */
export interface CommandHandle {
  /** Set by the action; undefined when the command did not run. */
  exitCode: number | undefined;
}
