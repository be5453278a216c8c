export const SERVER_ENTRY: string;
export const SERVER_BUNDLE: string;
export function buildServer(outfile?: string): Promise<string>;
export const EXTERNAL_PACKAGES: string[];
