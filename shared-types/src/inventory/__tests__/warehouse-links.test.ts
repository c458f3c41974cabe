/// <reference types="jest" />
import { orderLocationOf, parseLocationIds } from '../warehouse-links';

describe('warehouse links', () => {
  it('reads a SuiteQL multi-select value, a form value or a list as sorted unique ids', () => {
    expect(parseLocationIds('12, 3, 3')).toEqual(['3', '12']);
    expect(parseLocationIds('5\u00052')).toEqual(['2', '5']);
    expect(parseLocationIds(['7', 2])).toEqual(['2', '7']);
    expect(parseLocationIds(null)).toEqual([]);
    expect(parseLocationIds('')).toEqual([]);
  });

  it('books orders at the primary location, else the lowest linked one, else none', () => {
    expect(orderLocationOf('9', ['3', '12'])).toBe('9');
    expect(orderLocationOf(null, ['12', '3'])).toBe('3');
    expect(orderLocationOf(null, [])).toBeNull();
  });
});
