// What the server publishes for one document, shared with the client, which reads it back.

/**
 * Diagnostics published for one document at most; past it the rest are counted in a warning.
 * A table of Chinese words exported with half-width commas has a problem every few characters: a
 * million of them are 250 MB of JSON in every publication, past what a string can hold, and the
 * server would die writing it. VS Code lists 1,000 a file anyway, and Fix All reads the analysis,
 * not the list.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 100_000;
