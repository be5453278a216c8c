export const SERVER_ENTRY: string;
export const SERVER_BUNDLE: string;
export const CLI_ENTRY: string;
export const CLI_BUNDLE: string;
export function buildServer(outfile?: string, entry?: string): Promise<string>;
export const EXTERNAL_PACKAGES: string[];
