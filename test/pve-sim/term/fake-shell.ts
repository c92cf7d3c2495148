// A tiny pretend shell behind the simulator's termproxy: a prompt, line editing, and a handful of commands
// (echo with $((…)), hostname, pveversion, uptime, stty size). It never runs anything on the host machine.
import { ArithError, evaluateArithmetic } from './shell-arith.js';

export interface ShellHost {
  hostname: string;
  /** node shells answer pveversion; guests say "command not found" */
  pveversion?: string;
  uptimeSeconds(): number;
  /** root@pam gets a shell at once ("login -f root"); everyone else PVE's /bin/login prompt */
  login: 'root' | 'prompt';
  now(): number;
}

const ESC = '\x1b';

function formatUptime(host: ShellHost): string {
  const s = Math.max(0, Math.floor(host.uptimeSeconds()));
  const days = Math.floor(s / 86_400);
  const hh = Math.floor((s % 86_400) / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const clock = new Date(host.now()).toISOString().slice(11, 19);
  const up =
    days > 0 ? `${days} day${days === 1 ? '' : 's'}, ${String(hh).padStart(2, ' ')}:${mm}` : `${hh}:${mm}`;
  return ` ${clock} up ${up},  1 user,  load average: 0.08, 0.12, 0.10`;
}

/** Splits a command line into words: quotes group, $((…)) is expanded outside single quotes. */
export function expandWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
      continue;
    }
    if (line.startsWith('$((', i)) {
      const end = line.indexOf('))', i + 3);
      if (end < 0) throw new ArithError("unexpected EOF while looking for matching `))'");
      cur += evaluateArithmetic(line.slice(i + 3, end)).toString();
      inWord = true;
      i = end + 1;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) throw new ArithError(`unexpected EOF while looking for matching \`${quote}'`);
  if (inWord) words.push(cur);
  return words;
}

export class FakeShell {
  private line = '';
  private cols = 80;
  private rows = 20;
  private state: 'login' | 'password' | 'shell' | 'ended' = 'login';
  private pendingEscape = '';

  constructor(
    private readonly host: ShellHost,
    private readonly write: (text: string) => void,
    private readonly onExit: () => void,
  ) {}

  start(): void {
    if (this.host.login === 'root') {
      this.state = 'shell';
      this.write(`Linux ${this.host.hostname} 6.17.2-1-pve x86_64\r\n\r\n`);
      this.prompt();
    } else {
      this.write(`\r\n${this.host.hostname} login: `);
    }
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
  }

  input(data: Buffer): void {
    for (const c of data.toString('utf8')) this.key(c);
  }

  private key(c: string): void {
    if (this.state === 'ended') return;
    if (this.pendingEscape) {
      // cursor keys and the like (ESC [ … final byte, ESC O x): the pretend line editor ignores them
      const seq = (this.pendingEscape += c);
      const done = seq.length === 2 ? c !== '[' && c !== 'O' : seq[1] === 'O' || /[@-~]/.test(c);
      if (done) this.pendingEscape = '';
      return;
    }
    if (c === ESC) {
      this.pendingEscape = c;
      return;
    }
    if (c === '\r' || c === '\n') return this.enter();
    if (c === '\x7f' || c === '\b') {
      if (this.line.length === 0) return;
      this.line = this.line.slice(0, -1);
      if (this.state !== 'password') this.write('\b \b');
      return;
    }
    if (c === '\x03') {
      this.line = '';
      this.write('^C\r\n');
      return this.state === 'shell' ? this.prompt() : this.write(`${this.host.hostname} login: `);
    }
    if (c === '\x04' && this.line === '' && this.state === 'shell') return this.exit();
    if (c < ' ') return;
    this.line += c;
    if (this.state !== 'password') this.write(c);
  }

  private enter(): void {
    const line = this.line;
    this.line = '';
    this.write('\r\n');
    if (this.state === 'login') {
      this.state = 'password';
      return this.write('Password: ');
    }
    if (this.state === 'password') {
      // the simulator knows no system passwords: every login attempt fails, as a wrong password would
      this.state = 'login';
      return this.write(`\r\nLogin incorrect\r\n${this.host.hostname} login: `);
    }
    this.run(line);
    if (this.state === 'shell') this.prompt();
  }

  private run(line: string): void {
    let words: string[];
    try {
      words = expandWords(line.trim());
    } catch (err) {
      return this.say(`bash: ${err instanceof Error ? err.message : String(err)}`);
    }
    const [cmd, ...args] = words;
    if (cmd === undefined) return;
    switch (cmd) {
      case 'echo':
        return this.say(args.join(' '));
      case 'hostname':
        return this.say(this.host.hostname);
      case 'uptime':
        return this.say(formatUptime(this.host));
      case 'stty':
        return args[0] === 'size' ? this.say(`${this.rows} ${this.cols}`) : undefined;
      case 'exit':
      case 'logout':
        return this.exit();
      case 'pveversion':
        if (this.host.pveversion) return this.say(this.host.pveversion);
    }
    this.say(`bash: ${cmd}: command not found`);
  }

  private say(text: string): void {
    this.write(`${text}\r\n`);
  }

  private prompt(): void {
    this.write(`root@${this.host.hostname}:~# `);
  }

  private exit(): void {
    this.state = 'ended';
    this.write('logout\r\n');
    this.onExit();
  }
}
