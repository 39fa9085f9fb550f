import { describe, expect, it } from 'vitest';
import {
  addressMark,
  joinDetails,
  maskName,
  noPrivateDetails,
  privateDetailsOf,
  redactForPublic,
  villageOfAddress,
  type PrivateDetails,
} from './redaction.ts';

const details = (partial: Partial<PrivateDetails>): PrivateDetails => ({ ...noPrivateDetails, ...partial });

describe('names on a public notice', () => {
  it('M-PUBLIC-1: a name is reduced to its surname and 某, a compound surname keeps both characters', () => {
    expect(maskName('张三丰')).toBe('张某');
    expect(maskName('王五')).toBe('王某');
    expect(maskName('欧阳锋')).toBe('欧阳某');
    expect(maskName('司马相如')).toBe('司马某');
    expect(maskName('诸葛亮')).toBe('诸葛某');
    // two characters that start like a compound surname are a surname and a given name
    expect(maskName('欧阳')).toBe('欧某');
    expect(maskName('John Smith')).toBe('J某');
    expect(maskName('zhang san')).toBe('Z某');
  });

  it('M-PUBLIC-1: every party’s name is masked wherever it stands, inside longer words too', () => {
    const text = '张三丰与李四就宅基地争执,张三丰家的院墙被李四家拆除。';
    expect(redactForPublic(text, details({ names: ['张三丰', '李四'] }))).toBe(
      '张某与李某就宅基地争执,张某家的院墙被李某家拆除。',
    );
  });

  it('M-PUBLIC-1: longer names go first, so a name inside another is never left half masked', () => {
    // 张三 is a party, and so is 张三丰: 张三丰 must not become 张某丰
    for (const names of [
      ['张三', '张三丰'],
      ['张三丰', '张三'],
    ]) {
      expect(redactForPublic('张三丰和张三到场', details({ names }))).toBe('张某和张某到场');
    }
  });

  it('M-PUBLIC-1: the given name alone and a name spaced out as forms align it are masked too', () => {
    const masked = redactForPublic('三丰表示同意;申请人:张  三  丰', details({ names: ['张三丰'] }));
    expect(masked).toBe('某表示同意;申请人:张某');
    expect(masked).not.toContain('三丰');
  });

  it('M-PUBLIC-1: a Latin name is masked whole and word by word, in any case, but not inside other words', () => {
    const masked = redactForPublic(
      'John Smith met SMITH; the Smithsonian is not him',
      details({ names: ['John Smith'] }),
    );
    expect(masked).toBe('J某 met 某; the Smithsonian is not him');
  });

  it('M-PUBLIC-1: an organisation keeps its name; one character or a name already masked is not looked for', () => {
    const text = '红岩村股份经济合作社与张某、王的争议';
    expect(redactForPublic(text, details({ names: ['红岩村股份经济合作社', '张某', '王'] }))).toBe(text);
  });
});

describe('numbers on a public notice', () => {
  const none = noPrivateDetails;

  it('M-PUBLIC-1: mobile numbers are masked with or without separators, +86 or full-width digits', () => {
    expect(redactForPublic('电话13812345678。', none)).toBe('电话***********。');
    expect(redactForPublic('电话 138-1234-5678', none)).toBe('电话 ***-****-****');
    expect(redactForPublic('电话 138 1234 5678', none)).toBe('电话 *** **** ****');
    expect(redactForPublic('电话+86 13812345678', none)).toBe('电话+** ***********');
    expect(redactForPublic('电话１３８１２３４５６７８', none)).toBe('电话***********');
  });

  it('M-PUBLIC-1: landlines with their area code are masked, with parentheses, dashes or an extension', () => {
    expect(redactForPublic('座机0857-7221234', none)).toBe('座机****-*******');
    expect(redactForPublic('座机(0857)7221234', none)).toBe('座机(****)*******');
    expect(redactForPublic('座机010 8888 6666转123', none)).toBe('座机*** **** ****转***');
    expect(redactForPublic('座机08577221234', none)).toBe('座机***********');
  });

  it('M-PUBLIC-1: ID card numbers (18 with X, 15 digits, grouped) are masked whole', () => {
    expect(redactForPublic('身份证52272819800101123X', none)).toBe('身份证******************');
    expect(redactForPublic('身份证522728198001011234', none)).toBe('身份证******************');
    expect(redactForPublic('旧证522728800101123', none)).toBe('旧证***************');
    expect(redactForPublic('证号 522728 19800101 123x', none)).toBe('证号 ****** ******** ****');
  });

  it('M-PUBLIC-1: dates, amounts and counts stay as written', () => {
    const text = '2026年11月29日议定:赔偿12000元,2026-12-05前付清,3户5人,第2项。';
    expect(redactForPublic(text, none)).toBe(text);
  });

  it('M-PUBLIC-1: a party’s contact is masked even when it is no phone number', () => {
    const masked = redactForPublic(
      '可微信联系 zhangsf_88,或无',
      details({ contacts: ['微信 zhangsf_88  同上', '无'] }),
    );
    expect(masked).toBe('可微信联系 *******_**,或无');
  });
});

describe('addresses on a public notice', () => {
  it('M-PUBLIC-1: the village an address names is kept, the rest goes', () => {
    expect(villageOfAddress('贵州省罗甸县沫阳镇青山村5组12号')).toBe('青山村');
    expect(villageOfAddress('江亭村三组')).toBe('江亭村');
    expect(villageOfAddress('幸福社区12栋')).toBe('幸福社区');
    expect(villageOfAddress('广州市天河区和平路18号')).toBeNull();
  });

  it('M-PUBLIC-1: a party’s address is cut back to its village, or marked when it names none', () => {
    const parties = details({ addresses: ['贵州省罗甸县沫阳镇青山村5组12号', '广州市天河区和平路18号'] });
    expect(redactForPublic('住贵州省罗甸县沫阳镇青山村5组12号的张某', parties)).toBe('住青山村的张某');
    expect(redactForPublic('现住广州市天河区和平路18号', parties)).toBe(`现住${addressMark}`);
  });

  it('M-PUBLIC-1: house numbers after a village or street go even when the address was not recorded', () => {
    expect(redactForPublic('青山村5组12号与江亭村三组二十三号', noPrivateDetails)).toBe('青山村与江亭村');
    expect(redactForPublic('和平路18号3栋2单元501室', noPrivateDetails)).toBe('和平路');
    // a group alone, as a grid is named, stays; so does a date
    expect(redactForPublic('江亭村一组网格,12月3号', noPrivateDetails)).toBe('江亭村一组网格,12月3号');
  });
});

describe('the private details of the parties', () => {
  it('M-PUBLIC-1: names and contacts are taken; a village of the town is public, a place in words is an address', () => {
    const found = privateDetailsOf([
      { name: ' 张三丰 ', village: 'jiangting', contact: '13812345678' },
      { name: '李四', village: '青山村5组12号', contact: '' },
    ]);
    expect(found).toEqual({
      names: ['张三丰', '李四'],
      contacts: ['13812345678'],
      addresses: ['青山村5组12号'],
    });
    expect(joinDetails([found, details({ names: ['王五'] })]).names).toEqual(['张三丰', '李四', '王五']);
  });

  it('M-PUBLIC-1: a whole paragraph comes out with nothing private left', () => {
    const found = privateDetailsOf([
      { name: '张三丰', village: '青山村5组12号', contact: '138 1234 5678' },
      { name: '欧阳娜娜', village: 'hongyan', contact: '0857-7221234' },
    ]);
    const text =
      '申请人张三丰(住青山村5组12号,电话138 1234 5678,身份证522728198001011234)称,' +
      '被申请人欧阳娜娜(电话0857-7221234)占用其责任田。娜娜表示愿意调解。';
    const masked = redactForPublic(text, found);
    expect(masked).toBe(
      '申请人张某(住青山村,电话*** **** ****,身份证******************)称,' +
        '被申请人欧阳某(电话****-*******)占用其责任田。某表示愿意调解。',
    );
    for (const secret of ['张三丰', '三丰', '娜娜', '5组', '12号', '1234', '7221234', '522728']) {
      expect(masked).not.toContain(secret);
    }
  });
});
