/** Hash routes: #/ (home), #/datasets, #/sheets, #/sheets/3, #/runs, #/runs/7. */
export const route = $state({ path: location.hash.slice(1) || '/' });

window.addEventListener('hashchange', () => (route.path = location.hash.slice(1) || '/'));

export function go(path: string): void {
  location.hash = path;
}
