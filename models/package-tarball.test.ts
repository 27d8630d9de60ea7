import { describe, expect, it } from 'vitest';
import { base64Constant, tarballName } from './package-tarball';

describe('tarballName', () => {
  it("is npm pack's file name, scope folded into the name", () => {
    expect(tarballName({ package: '@usefulsensors/moonshine-js', version: '0.1.15', dir: '' })).toBe('usefulsensors-moonshine-js-0.1.15.tgz');
    expect(tarballName({ package: 'llama-tokenizer-js', version: '1.2.2', dir: '' })).toBe('llama-tokenizer-js-1.2.2.tgz');
  });
});

describe('base64Constant', () => {
  it('decodes the one base64 string constant of that name', () => {
    const module = `const other = "eA==";\nconst llama_vocab_base64 = "${Buffer.from('<unk>\n<s>').toString('base64')}"\nexport default 1;`;
    expect(base64Constant(module, 'llama_vocab_base64').toString()).toBe('<unk>\n<s>');
  });

  it('refuses a module without it, or with it twice', () => {
    expect(() => base64Constant('const x = "eA=="', 'llama_vocab_base64')).toThrow(/found 0/);
    expect(() => base64Constant('const a = "eA==";\nlet a = "eA=="', 'a')).toThrow(/found 2/);
  });
});
