// Real receivers for alert deliveries: a node:http server that records every request and answers as
// each test path says, and an smtp-server that requires authentication and parses what it receives.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The status the receiver answered. */
  readonly status: number;
  readonly at: number;
}

/** Decides the answer to a request from its path and how often its Idempotency-Key was seen before. */
export type Responder = (path: string, previousTries: number) => number;

export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private server: Server | null = null;
  url = '';

  constructor(private readonly respond: Responder = () => 200) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key'] ?? '');
        const previous = this.requests.filter((r) => r.headers['idempotency-key'] === key && r.path === req.url).length;
        const status = this.respond(req.url ?? '/', previous);
        this.requests.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status, at: Date.now() });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  at(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface ReceivedMail {
  readonly authUser: string | undefined;
  readonly envelopeTo: readonly string[];
  readonly mail: ParsedMail;
}

/** An SMTP server on loopback that accepts only `user`/`pass` (plain AUTH, no TLS: smtp://). */
export class SmtpReceiver {
  readonly mails: ReceivedMail[] = [];
  readonly refusedLogins: string[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  constructor(private readonly credentials = { user: 'alerts', pass: 'smtp-pass-123' }) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.credentials.user && auth.password === this.credentials.pass) return callback(null, { user: auth.username });
        this.refusedLogins.push(String(auth.username));
        return callback(new Error('invalid credentials'));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push({ authUser: session.user as string | undefined, envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://${encodeURIComponent(this.credentials.user)}:${encodeURIComponent(this.credentials.pass)}@127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
