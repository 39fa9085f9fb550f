import type { Brand } from '../brand.ts';

export type VillageId = Brand<string, 'VillageId'>;

export interface LocalName {
  zh: string;
  en: string;
}

/** A grid (网格): the part of a village one grid worker walks, door to door. */
export interface Grid {
  id: string;
  name: LocalName;
}

export interface Village {
  id: VillageId;
  name: LocalName;
  grids: readonly Grid[];
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

const groupNames = ['一', '二', '三'] as const;

/** Each demo village has three grids, named as the villages name their groups (一组, 二组, 三组). */
const village = (id: string, zh: string, en: string): Village => ({
  id: id as VillageId,
  name: { zh, en },
  grids: groupNames.map((numeral, i) => ({
    id: `${id}-${i + 1}`,
    name: { zh: `${zh}${numeral}组网格`, en: `${en}, grid ${i + 1}` },
  })),
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

/** The grid with `id` in `villageId`, if that village has it. */
export function findGrid(villageId: string, id: string): Grid | undefined {
  return findVillage(villageId)?.grids.find((grid) => grid.id === id);
}
