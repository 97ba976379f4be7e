import twilio from 'twilio';
import type Response from 'twilio/lib/http/response';
import { retryAfterMs } from '../retry-after';

/** A Twilio error response, keeping the headers the SDK's RestException drops (Retry-After). */
export class TwilioHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'TwilioHttpError';
  }
}

type RequestOptions<TData> = Parameters<twilio.RequestClient['request']>[0] & { data?: TData };

/**
 * The SDK's own HTTP client, except that an error response rejects with TwilioHttpError, so the
 * provider can honour Retry-After per request (the shared `lastResponse` is unsafe with concurrent sends).
 */
export class HeaderKeepingRequestClient extends twilio.RequestClient {
  override async request<TData>(options: RequestOptions<TData>): Promise<Response<TData>> {
    const response = await super.request<TData>(options);
    if (response.statusCode < 400) return response;
    const body = parseBody(response.body);
    throw new TwilioHttpError(
      response.statusCode,
      typeof body.code === 'number' ? body.code : undefined,
      typeof body.message === 'string' ? body.message : `HTTP ${response.statusCode}`,
      retryAfterMs(response.headers?.['retry-after']),
    );
  }
}

function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body === 'object' && body !== null) return body as Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(String(body));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
