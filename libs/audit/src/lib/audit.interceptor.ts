import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '@flowlens/auth';
import { AuditLogRepository } from '@flowlens/persistence';
import { type AuditNotes, auditStorage } from './audit-context';
import { AUDITED_KEY, type AuditedSpec } from './audited.decorator';
import { redactSecrets } from './redact.util';

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

interface AuditedRequest extends AuthenticatedRequest {
  method: string;
  id?: unknown;
  params?: Record<string, string>;
}

/** Writes one audit entry per successful change on an `@Audited` route, after the handler succeeded. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AuditLogRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const spec = this.reflector.getAllAndOverride<AuditedSpec | undefined>(AUDITED_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const verb = spec?.verb ?? VERBS[request.method];
    if (!spec || !verb || request.method === 'GET') return next.handle();
    const notes: AuditNotes = {};
    // The handler runs when the inner observable is subscribed: subscribe inside the store.
    const handled = new Observable<unknown>((subscriber) => auditStorage.run(notes, () => next.handle().subscribe(subscriber)));
    return handled.pipe(switchMap((body) => from(this.record(spec, verb, request, notes, body).then(() => body))));
  }

  private async record(spec: AuditedSpec, verb: string, request: AuditedRequest, notes: AuditNotes, body: unknown): Promise<void> {
    if (notes.skip) return;
    const actor = request.principal ? { keyId: request.principal.keyId, name: request.principal.keyName } : (request.adminActor ?? { keyId: null, name: 'unknown' });
    const answered = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
    const targetId = notes.targetId ?? request.params?.[spec.targetParam ?? 'id'] ?? (typeof answered?.['id'] === 'string' ? answered['id'] : null);
    const after = 'after' in notes ? notes.after : request.method === 'DELETE' ? null : (body ?? null);
    await this.log.append({
      workspaceId: notes.workspaceId !== undefined ? notes.workspaceId : (request.principal?.workspaceId ?? null),
      actorKeyId: actor.keyId,
      actorName: actor.name,
      action: `${spec.resource}.${verb}`,
      targetType: spec.resource,
      targetId,
      before: redactSecrets(notes.before ?? null, spec.redact),
      after: redactSecrets(after, spec.redact),
      requestId: typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : null,
    });
  }
}
