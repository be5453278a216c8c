import { fetchOk } from './http';

/*
 * Apart from `http.ts` (in the phone's first bundle) because only staff pages download files.
 */

/** Downloads a file (the token goes in a header, never in a link) and saves it under the name the server gives. */
export async function downloadFile(path: string, token: string, fallbackName = 'gommette'): Promise<void> {
  const response = await fetchOk(path, { token });
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
