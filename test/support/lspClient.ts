// A minimal LSP client over stdio for protocol-level tests: spawns dist/server.js and speaks
// JSON-RPC to it, the way Neovim or Helix would.
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface Message {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

export const SERVER_JS = resolve(__dirname, '../../dist/server.js');

export class LspClient {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly notifications: Message[] = [];
  /** Answers to server-to-client requests by method; any other request is answered with null. */
  readonly answers = new Map<string, (params: any) => unknown>();
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.proc = spawn(process.execPath, [SERVER_JS, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  get exited(): Promise<number | null> {
    if (this.proc.exitCode !== null) return Promise.resolve(this.proc.exitCode);
    return new Promise((r) => this.proc.once('exit', (code) => r(code)));
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  writeRaw(data: string | Buffer): void {
    this.proc.stdin!.write(data);
  }

  send(message: Omit<Message, 'jsonrpc'>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Resolves with the first notification (past or future) that matches. */
  waitFor(match: (m: Message) => boolean): Promise<Message> {
    const seen = this.notifications.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async initialize(capabilities: object = {}, extra: object = {}): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async shutdown(): Promise<void> {
    if (!this.alive) return;
    await this.request('shutdown', null);
    this.notify('exit', null);
    await this.exited;
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message: Message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
      return;
    }
    if (m.id !== undefined && m.method !== undefined) {
      // Server-to-client requests (configuration, refresh...): answer with nothing, unless told.
      const answer = this.answers.get(m.method);
      void Promise.resolve(answer?.(m.params)).then((result) => this.send({ id: m.id, result: result ?? null }));
      return;
    }
    this.notifications.push(m);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].match(m)) {
        this.waiters[i].resolve(m);
        this.waiters.splice(i, 1);
      }
    }
  }
}

export function diagnosticsFor(uri: string) {
  return (m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri;
}
