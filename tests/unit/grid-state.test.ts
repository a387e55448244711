/** The claims grid's own logic: a set filter's ticks and search, and columns kept as the analyst leaves them. */
import { describe, expect, it } from 'vitest';
import { keptColumnState, parseColumnState } from '../../renderer/src/columnState';
import { matchingChoices, tickedModel } from '../../renderer/src/setFilterModel';

describe('a set filter', () => {
  it('keeps the ticked values in the order ticked, and is no filter once nothing is ticked', () => {
    let model = tickedModel(null, ['denies'], true);
    expect(model).toEqual({ filterType: 'set', values: ['denies'] });
    model = tickedModel(model, [null, 'asserts', 'denies'], true);
    expect(model).toEqual({ filterType: 'set', values: ['denies', null, 'asserts'] });
    model = tickedModel(model, ['denies', null], false);
    expect(model).toEqual({ filterType: 'set', values: ['asserts'] });
    expect(tickedModel(model, ['asserts'], false)).toBeNull();
    // Ids stay numbers: 1 is not "1".
    expect(tickedModel({ filterType: 'set', values: [1] }, ['1'], true)).toEqual({ filterType: 'set', values: [1, '1'] });
  });

  it('finds values by every word typed, in any case, Arabic with or without its short vowels', () => {
    const choices = [
      { value: 1, label: 'انسحاب القوات الأمريكية من عين الأسد' },
      { value: 2, label: 'Ministry denies completion' },
      { value: 3, label: 'يُرجّح' },
    ];
    expect(matchingChoices(choices, 'عين انسحاب').map((c) => c.value)).toEqual([1]);
    expect(matchingChoices(choices, 'MINISTRY comp').map((c) => c.value)).toEqual([2]);
    expect(matchingChoices(choices, 'يرجح').map((c) => c.value)).toEqual([3]);
    expect(matchingChoices(choices, '  ').map((c) => c.value)).toEqual([1, 2, 3]);
    expect(matchingChoices(choices, 'Reuters')).toEqual([]);
  });
});

describe('column state', () => {
  it('keeps what a view restores (order, width, hidden, sort, pinning), naming the side AG Grid pins to', () => {
    expect(
      keptColumnState([
        { colId: 'quote', width: 320, hide: false, sort: null, flex: null, pinned: true, aggFunc: null, rowGroup: false },
        { colId: 'outlet', width: 150, hide: true, sort: 'asc', sortIndex: 0 },
      ]),
    ).toEqual([
      { colId: 'quote', width: 320, hide: false, pinned: 'left', sort: null, sortIndex: null, flex: null },
      { colId: 'outlet', width: 150, hide: true, pinned: null, sort: 'asc', sortIndex: 0, flex: null },
    ]);
  });

  it('reads back from storage only columns that make sense, and nothing from text that is not column state', () => {
    const kept = [{ colId: 'outlet', width: 150, hide: true, pinned: null, sort: 'asc', sortIndex: 0, flex: null }];
    expect(parseColumnState(JSON.stringify(kept))).toEqual(kept);
    expect(parseColumnState(JSON.stringify([...kept, { colId: 7 }, { colId: 'quote', width: -5 }, { colId: 'x', sort: 'sideways' }, null]))).toEqual(kept);
    for (const text of [null, '', 'not json', '{"colId":"quote"}', '[]', '[{"width":3}]']) expect(parseColumnState(text)).toBeNull();
  });
});
