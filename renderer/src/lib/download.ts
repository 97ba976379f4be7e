/** Save text as a file through the browser's download (in the desktop app, a Save dialog). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Save a file's content through the browser's download (in the desktop app, a Save dialog). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the address is let go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
