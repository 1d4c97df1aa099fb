import { describe, expect, it } from 'vitest';
import { maskIdNumber, normalizeIdNumber, parseIdNumber } from '../../functions/domain/identity/id-number.js';
import { hashPassword, verifyPassword } from '../../functions/domain/identity/password-hash.js';
import {
  checkName,
  checkPassword,
  maskMobile,
  normalizeMobile,
  normalizeTicketNumber,
} from '../../functions/domain/identity/person.js';

const TODAY = new Date('2026-11-30T00:00:00Z');

describe('resident ID number (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'], // lower-case x
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X', '1949-12-31', 'female'], // full-width
    [' 1401 0219 9003 0712 35 ', '140102199003071235', '1990-03-07', 'male'], // pasted spaces
    ['140102\u200b199003071235', '140102199003071235', '1990-03-07', 'male'], // zero-width space
    ['650101200002290013', '650101200002290013', '2000-02-29', 'male'], // leap day
    ['810000199501010015', '810000199501010015', '1995-01-01', 'male'], // Hong Kong resident permit
    ['91000019800102003X', '91000019800102003X', '1980-01-02', 'male'], // foreign permanent resident (2023)
  ])('accepts %j as %s born %s, %s', (input, idNumber, birthDate, gender) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: true, value: { idNumber, birthDate, gender } });
  });

  it.each([
    ['', 'EMPTY'],
    ['110105491231002', 'LEGACY_15'],
    ['11010519491231002', 'LENGTH'],
    ['1101051949123100X2', 'CHARACTERS'],
    ['110105194912310021', 'CHECK_DIGIT'],
    ['650101200102290013', 'BIRTH_DATE'], // 2001-02-29 does not exist
    ['110105194913310020', 'BIRTH_DATE'], // month 13
    ['440524188001010014', 'BIRTH_DATE'], // 1880: valid check digit, not a living candidate
    ['110105202712310024', 'BIRTH_DATE'], // in the future
  ])('refuses %j with %s', (input, problem) => {
    expect(parseIdNumber(input, TODAY)).toEqual({ ok: false, problem });
  });

  it('normalises without validating', () => {
    expect(normalizeIdNumber(' 1101-0519 491231002ｘ')).toBe('11010519491231002X');
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('14010219900307123X')).toBe('1401**********123X');
  });
});

describe('name', () => {
  it.each([
    ['张三', '张三'],
    ['  李 四 ', null], // space between Han characters is not part of a name
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['𠮷野家', '𠮷野家'], // CJK Extension B, outside the BMP
    ['䶮', null], // one ideograph (Extension A) is too short
    ['王䶮', '王䶮'],
    ['王⼀', '王一'], // Kangxi radical ⼀ (U+2F00) → 一 (NFKC)
    ['Ｊｏｈｎ Ｓｍｉｔｈ', 'John Smith'],
    ['John Smith', 'John Smith'],
    ['张三3', null],
    ['·张三', null],
    ['张·', null],
    ['张··三', null],
    ['张三!', null],
  ])('%j → %j', (input, expected) => {
    const result = checkName(input);
    expect(result.ok ? result.value : null).toBe(expected);
  });

  it('names the problem', () => {
    expect(checkName('张三3')).toEqual({ ok: false, problem: 'DIGITS' });
    expect(checkName('张··三')).toEqual({ ok: false, problem: 'DOTS' });
    expect(checkName('张')).toEqual({ ok: false, problem: 'LENGTH' });
    expect(checkName('张'.repeat(31))).toEqual({ ok: false, problem: 'LENGTH' });
    expect(checkName('𠮷'.repeat(30))).toEqual({ ok: true, value: '𠮷'.repeat(30) }); // 30 code points, 60 UTF-16 units
  });
});

describe('mobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['12812345678', null],
    ['1381234567', null],
    ['03512345678', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
  });
});

describe('ticket number', () => {
  const twelve = /^\d{12}$/;
  it.each([
    ['010120100001', '010120100001'],
    ['０１０１２０１０００ ０１', '010120100001'],
    ['01012010000', null],
    ['01012010000A', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeTicketNumber(input, twelve)).toBe(expected);
  });
});

describe('password policy', () => {
  it.each([
    ['abcd1234', null],
    ['密码密码密码12', null],
    ['abc123', 'LENGTH'],
    ['abcdefgh', 'LETTERS_AND_DIGITS'],
    ['12345678', 'LETTERS_AND_DIGITS'],
    ['a1'.repeat(33), 'LENGTH'],
  ])('%j → %j', (input, expected) => {
    expect(checkPassword(input)).toBe(expected);
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('abcd1234');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('abcd1234', stored)).toBe(true);
    expect(await verifyPassword('abcd1235', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('abcd1234')).not.toBe(await hashPassword('abcd1234'));
  });

  it('returns false for an absent account', async () => {
    expect(await verifyPassword('abcd1234', undefined)).toBe(false);
  });
});
