import { describe, expect, test } from 'vitest';
import { insideLongerName } from '../../../lib/match/longer-name';

const at = (text: string, name: string, occurrence = 0) => {
  let s = -1;
  for (let n = 0; n <= occurrence; n++) s = text.indexOf(name, s + 1);
  return insideLongerName(text, s, s + name.length);
};

describe('a name inside a longer proper name is not a mention', () => {
  test.each([
    ['He read the New York Times on Sunday.', 'New York'],
    ['a dunk by Michael Jordan in 1998', 'Jordan'],
    ['when Real Madrid beat Juventus', 'Madrid'],
    ['a flight on Air France to Dakar', 'France'],
    ['a report by the National Turkey Federation said', 'Turkey'],
    ['матч «Рапид» и Рапид Вена сыграли', 'Вена'],
    ['OPEC+ agreed to cut output', 'OPEC'],
    ['exports worth US$ 2 billion', 'US'],
    ['北京时间12月19日凌晨', '北京'],
    ['Michael Jordan might top Kobe Bryant', 'Jordan'],
    ['Real Madrid vs. AC Milan final score', 'Madrid'],
    ["L’OGC Nice s'imposait 3-0 face à l'OM", 'Nice'],
    ['Walker, a former University of Georgia football star', 'Georgia'],
    ['la Cámara de Comercio de Lima precisó', 'Lima'],
    ['Заявление Банка России о ставке', 'России'],
    ['в финале Открытого чемпионата США Надаль', 'США'],
    ['他精通葡萄牙语和英语', '葡萄牙'],
    ['英国广播公司报导', '英国'],
    ['《京都议定书》第18次缔约方会议', '京都'],
    ['苏丹·贾比尔担任主席', '苏丹'],
    ['联合国副秘书长表示', '秘书长'],
    ['درس في جامعة لشبونة', 'لشبونة'],
    ['Pire, Alexis Claude-Maurice enfonçait le clou', 'Maurice'],
    ['la Méditerranée orientale de l’OMS', 'Méditerranée'],
  ])('"%s": "%s"', (text, name) => expect(at(text, name)).toBe(true));
});

describe('a name next to a title, a function word, a sentence start or a heading stays a mention', () => {
  test.each([
    ['Secretary-General Ban Ki-moon spoke.', 'Ban Ki-moon'],
    ['talks with President Macron of France', 'France'],
    ['Yesterday Syria said it would attend.', 'Syria'],
    ['13:54 En Islande, tuer un Basque', 'Islande'],
    ['Israël. Israël a répondu', 'Israël', 1],
    ['United States to Lift Sudan Sanctions After Years', 'Sudan'],
    ['Syria Monday announced', 'Syria'],
    ['UN CHIEF WARNS SYRIA', 'SYRIA'],
    ['Today Syria said it would attend.', 'Syria'],
    ['Генсек ООН заявил. Президент Украины Владимир Зеленский', 'Украины'],
    ['中国和联合国组织了会议', '中国'],
    ['وصل إلى مطار باماكو الدولي', 'باماكو'],
    ['since the Hamas-Israel war began', 'Israel'],
    ['la mer Méditerranée et ses côtes', 'Méditerranée'],
    ['First Mr. Ban thanked the staff.', 'Mr. Ban'],
    ['Afterwards President Macron left.', 'President Macron'],
    ['Ensuite M. Guterres a quitté la salle.', 'M. Guterres'],
    ['Затем г-н Пан поблагодарил сотрудников.', 'г-н Пан'],
  ])('"%s": "%s"', (text, name, occurrence = 0) => expect(at(text, name, occurrence)).toBe(false));

  test('a Chinese place right before another name qualifies it: 葡萄牙里斯本 is Lisbon, Portugal', () => {
    const text = '葡萄牙里斯本理工大学';
    expect(insideLongerName(text, 0, 3, -1, 3)).toBe(false);
    expect(insideLongerName(text, 3, 6, 3, -1)).toBe(true);
  });

  test('an unknown short acronym before a name is a club or company; a known one is its own name', () => {
    const text = 'It was when AC Milan beat Inter, and the UN Security Council met.';
    expect(at(text, 'Milan')).toBe(true);
    const s = text.indexOf('Security Council');
    expect(insideLongerName(text, s, s + 'Security Council'.length, text.indexOf('UN ') + 2)).toBe(false);
  });

  test('a neighbour that is itself a name found there is another name', () => {
    const text = 'членство Палестины Генеральная ассамблея ООН';
    const s = text.indexOf('Палестины');
    const next = text.indexOf('Генеральная');
    expect(insideLongerName(text, s, s + 'Палестины'.length)).toBe(true);
    expect(insideLongerName(text, s, s + 'Палестины'.length, -1, next)).toBe(false);
  });
});
