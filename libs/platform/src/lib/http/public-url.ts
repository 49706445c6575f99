import { type DynamicModule, Global, Inject, Injectable, Module, Optional } from '@nestjs/common';

export interface PublicUrlOptions {
  /** Where sources reach Flowlens, e.g. `https://flowlens.example.com` (FLOWLENS_PUBLIC_URL). */
  readonly publicUrl?: string | undefined;
  /** Believe X-Forwarded-Proto / X-Forwarded-Host (TRUST_PROXY): only behind a proxy that sets them. */
  readonly trustProxy?: boolean;
}

/** What PublicUrls needs of a request (an Express request has it). */
export interface RequestLike {
  readonly protocol: string;
  readonly originalUrl: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export const PUBLIC_URL_OPTIONS = Symbol('PUBLIC_URL_OPTIONS');

/** The path a source posts a connector's deliveries to. */
export function webhookPathOf(connector: { readonly type: string; readonly id: string }): string {
  return `/webhooks/${connector.type}/${connector.id}`;
}

const firstOf = (value: string | string[] | undefined): string | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  const first = text?.split(',')[0]?.trim();
  return first ? first : undefined;
};

/** The URLs sources use to reach Flowlens: configured, else as the request arrived. */
@Injectable()
export class PublicUrls {
  private readonly base: string | null;
  private readonly trustProxy: boolean;

  constructor(@Optional() @Inject(PUBLIC_URL_OPTIONS) options: PublicUrlOptions | null = null) {
    this.base = options?.publicUrl ? options.publicUrl.replace(/\/+$/, '') : null;
    this.trustProxy = options?.trustProxy ?? false;
  }

  /** The configured public URL + path, or null when none is configured. */
  configured(path: string): string | null {
    return this.base === null ? null : `${this.base}${path}`;
  }

  /** Origin (scheme://host) of a request as the caller sent it. */
  originOf(request: RequestLike): string | null {
    const forwarded = this.trustProxy ? { proto: firstOf(request.headers['x-forwarded-proto']), host: firstOf(request.headers['x-forwarded-host']) } : {};
    const host = forwarded.host ?? firstOf(request.headers['host']);
    return host ? `${forwarded.proto ?? request.protocol}://${host}` : null;
  }

  /** The URL exactly as the request reached Flowlens (path and query included). */
  requestUrl(request: RequestLike): string | null {
    const origin = this.originOf(request);
    return origin === null ? null : `${origin}${request.originalUrl}`;
  }

  /** Where a source should post to `path`: the public URL, else the origin the caller used. */
  urlFor(path: string, request: RequestLike): string | null {
    const origin = this.originOf(request);
    return this.configured(path) ?? (origin === null ? null : `${origin}${path}`);
  }
}

/** Registers the public URL settings once, for every module that builds source-facing URLs. */
@Global()
@Module({ providers: [PublicUrls], exports: [PublicUrls] })
export class PublicUrlModule {
  static forRoot(options: PublicUrlOptions): DynamicModule {
    return { module: PublicUrlModule, providers: [{ provide: PUBLIC_URL_OPTIONS, useValue: options }, PublicUrls], exports: [PublicUrls] };
  }
}
