import type { Page } from '@playwright/test';

/** Call the core as the page does: same origin, with the launch key from the printed link. */
export async function rpc(page: Page, link: string, method: string, input: unknown): Promise<unknown> {
  const key = new URL(link).searchParams.get('token');
  return page.evaluate(
    async ([name, body, token]) => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const response = await fetch('/rpc', { method: 'POST', headers, body: JSON.stringify({ method: name, input: body }) });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    [method, input, key] as const,
  );
}
