// The few host globals the engine relies on. Both exist, with these signatures, in every
// browser, in Web Workers and in Node ≥ 11, but ES2023's lib does not declare them.
// Declaring only these keeps the rest of the DOM and Node out of the engine (see tsconfig.json).

interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
interface TextDecoder { decode(input?: ArrayBufferView | ArrayBuffer): string }
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: TextDecoderOptions): TextDecoder };

interface TextEncoder { encode(input?: string): Uint8Array }
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

// High-resolution clock, in every browser context and in Node ≥ 16. The engine only reads it
// through an injectable `clock` option (see recognizer.ts), defaulting to this.
declare var performance: { now(): number };
