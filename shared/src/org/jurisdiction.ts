import type { Brand } from '../brand.ts';

export type VillageId = Brand<string, 'VillageId'>;

export interface LocalName {
  zh: string;
  en: string;
}

export interface Village {
  id: VillageId;
  name: LocalName;
}

export interface Town {
  id: string;
  name: LocalName;
  villages: readonly Village[];
}

export interface County {
  id: string;
  name: LocalName;
  towns: readonly Town[];
}

const village = (id: string, zh: string, en: string): Village => ({
  id: id as VillageId,
  name: { zh, en },
});

/**
 * The demo county. 江亭村 and 沫阳镇 come from the Luodian report (seed 003); the other two villages are
 * invented for the demo. Real jurisdictions come from the server once accounts exist.
 */
export const demoCounty: County = {
  id: 'luodian',
  name: { zh: '罗甸县', en: 'Luodian County' },
  towns: [
    {
      id: 'moyang',
      name: { zh: '沫阳镇', en: 'Moyang Town' },
      villages: [
        village('jiangting', '江亭村', 'Jiangting Village'),
        village('hongyan', '红岩村', 'Hongyan Village'),
        village('pingzhai', '平寨村', 'Pingzhai Village'),
      ],
    },
  ],
};

export const demoVillages: readonly Village[] = demoCounty.towns.flatMap((town) => town.villages);

export function findVillage(id: string): Village | undefined {
  return demoVillages.find((v) => v.id === id);
}
