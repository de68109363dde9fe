import { describe, expect, it } from 'vitest';
import { inflectRussian } from '../../../lib/match/russian-inflect';

describe('Russian case forms generated at compile time', () => {
  it('declines leading adjectives and the head noun through the six cases', () => {
    const forms = inflectRussian('Генеральный секретарь', false);
    for (const f of [
      'Генеральный секретарь',
      'Генерального секретаря',
      'Генеральному секретарю',
      'Генеральным секретарём',
      'Генеральном секретаре',
    ]) {
      expect(forms).toContain(f);
    }
  });

  it('leaves the genitive complement after the head unchanged', () => {
    expect(inflectRussian('Организация Объединённых Наций', false).sort()).toEqual(
      [
        'Организация Объединённых Наций',
        'Организации Объединённых Наций',
        'Организацию Объединённых Наций',
        'Организацией Объединённых Наций',
      ].sort(),
    );
    expect(inflectRussian('Управление ООН по наркотикам и преступности', false)).toContain(
      'Управлении ООН по наркотикам и преступности',
    );
  });

  it('agrees a feminine adjective with its noun', () => {
    const forms = inflectRussian('Генеральная Ассамблея', false);
    expect(forms).toEqual(
      expect.arrayContaining([
        'Генеральной Ассамблеи',
        'Генеральную Ассамблею',
        'Генеральной Ассамблеей',
        'Генеральной Ассамблее',
      ]),
    );
    expect(inflectRussian('Всемирная организация здравоохранения', false)).toContain(
      'Всемирной организацией здравоохранения',
    );
  });

  it('declines plural heads', () => {
    expect(inflectRussian('Соединённые Штаты Америки', false)).toEqual(
      expect.arrayContaining([
        'Соединённых Штатов Америки',
        'Соединённым Штатам Америки',
        'Соединёнными Штатами Америки',
        'Соединённых Штатах Америки',
      ]),
    );
  });

  it('declines the last word of a person name, and honorifics with it', () => {
    expect(inflectRussian('Пан Ги Мун', true)).toEqual(
      expect.arrayContaining(['Пан Ги Муна', 'Пан Ги Муну', 'Пан Ги Муном', 'Пан Ги Муне']),
    );
    expect(inflectRussian('г-н Пан', true)).toEqual(
      expect.arrayContaining(['г-на Пана', 'г-ну Пану', 'г-ном Паном', 'г-не Пане']),
    );
    expect(inflectRussian('ан-Насер', true)).toContain('ан-Насера');
    expect(inflectRussian('Мария Фернанда Эспиноса', true)).toContain('Марии Фернанды Эспиносы');
  });

  it('leaves acronyms, indeclinable words and non-Cyrillic text alone', () => {
    expect(inflectRussian('ООН', false)).toEqual(['ООН']);
    expect(inflectRussian('Хорхе Сампайю', true)).toContain('Хорхе Сампайю');
    expect(inflectRussian('UNESCO', false)).toEqual(['UNESCO']);
  });

  it('does not mistake a neuter noun in -ние for a plural adjective', () => {
    expect(inflectRussian('Объединение', false)).toContain('Объединения');
    expect(inflectRussian('Арабские Эмираты', false)).toContain('Арабских Эмиратов');
  });
});
