import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { jsonDepth, pathOfNul } from './json-shape.util';

/** Longest path parameter (ids, keys, board ids) any route takes. */
export const MAX_PATH_PARAM_LENGTH = 200;
/** Deepest request body any route takes; routes with free-form JSON bound theirs further. */
export const MAX_BODY_DEPTH = 64;

/**
 * Bounds every route's input before its own validation runs: path parameters are short and free
 * of control characters, and no path, query or body string holds a NUL (PostgreSQL text and jsonb
 * cannot store one). Bodies nest at most {@link MAX_BODY_DEPTH} deep, so no parser or schema
 * recurses without end.
 */
@Injectable()
export class InputBoundsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') checkPathParam(value, metadata.data ?? 'id');
    else if (metadata.type === 'query') checkNoNul(value, 'query', metadata.data);
    else if (metadata.type === 'body') {
      if (jsonDepth(value) > MAX_BODY_DEPTH) throw ApiError.badRequest(`the request body may nest at most ${MAX_BODY_DEPTH} levels deep`, [], 'body_too_deep');
      checkNoNul(value, 'body', metadata.data);
    }
    return value;
  }
}

/** A path parameter is short and free of control characters; else a 400 naming it. */
export function checkPathParam(value: unknown, name: string): void {
  if (typeof value !== 'string') return;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw ApiError.badRequest(`the path parameter ${name} may not contain control characters`, [{ path: name, message: 'control character' }], 'invalid_path');
  if (value.length > MAX_PATH_PARAM_LENGTH) {
    throw ApiError.badRequest(`the path parameter ${name} may be at most ${MAX_PATH_PARAM_LENGTH} characters`, [{ path: name, message: `${value.length} characters` }], 'invalid_path');
  }
}

/** No string anywhere in `value` holds a NUL; else a 400 naming where. */
export function checkNoNul(value: unknown, where: 'query' | 'body', name: string | undefined): void {
  const at = pathOfNul(value);
  if (at === null) return;
  const path = [name, at].filter(Boolean).join('.');
  throw ApiError.badRequest(`the ${where} may not contain NUL characters`, [{ path, message: 'NUL character' }], where === 'query' ? 'invalid_query' : 'validation_failed');
}
