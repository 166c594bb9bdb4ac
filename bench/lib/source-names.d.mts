export function nameInSource(file: string, line: number, column: number): string | null;
