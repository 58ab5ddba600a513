import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface MachineInfo { nproc: number; cpuModel: string; memTotalGB: number; freeH: string; node: string; ulimitN: string; date: string; priority?: string }

const sh = (cmd: string) => { try { return execSync(cmd, { encoding: 'utf8', shell: '/bin/bash' }).trim(); } catch { return '?'; } };

export function machineInfo(): MachineInfo {
  return {
    nproc: Number(sh('nproc')),
    cpuModel: cpus()[0]?.model ?? '?',
    memTotalGB: Math.round(totalmem() / 2 ** 30),
    freeH: sh('free -h | head -2'),
    node: process.version,
    ulimitN: sh('ulimit -n'),
    date: new Date().toISOString(),
  };
}
