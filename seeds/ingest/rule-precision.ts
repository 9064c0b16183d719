export function printRulePrecision(_sets: string[], _seeds: () => unknown): void {}
