/** The support.microsoft.com reference page of an Excel function, in the site's short form. */
export function page(fn: string): string {
  return `https://support.microsoft.com/en-us/excel/${fn.toLowerCase().replace(/\./g, '-')}-function`;
}
