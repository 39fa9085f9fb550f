import { demoVillages } from '@concord/shared/org/jurisdiction.ts';
import type { Figures, Grouping } from '@concord/shared/ledger/statistics.ts';
import type { StatisticsColumn } from '@concord/shared/ledger/statistics-definitions.ts';
import { gridName, villageName } from '../i18n/labels.ts';
import type { Locale, MessageKey, MessageParams } from '../i18n/translate.ts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** What one cell of the statistics table shows: a count, a rate, days, or that it is not given (SPEC L-STATS-1). */
export function figureCell(figures: Figures, column: StatisticsColumn, t: Translate): string {
  switch (column) {
    case 'resolutionRate':
    case 'onTimeRate': {
      const rate = figures[column];
      return rate === null ? t('statistics_not_given') : percent(rate);
    }
    case 'averageDaysToClose':
      return figures.averageDaysToClose === null
        ? t('statistics_not_given')
        : figures.averageDaysToClose.toFixed(1);
    case 'satisfactionRate':
      return figures.satisfactionRate === null
        ? t('statistics_not_recorded')
        : t('statistics_rated', {
            rate: percent(figures.satisfactionRate),
            count: figures.satisfactionRecorded,
          });
    default:
      return String(figures[column]);
  }
}

/** The name of a line of the table: the town, a village, a grid (with its village), a handler, or none. */
export function groupLabel(
  grouping: Grouping,
  key: string | null,
  context: { locale: Locale; t: Translate; nameOf: (id: string) => string },
): string {
  if (key === null) return context.t('statistics_none');
  switch (grouping) {
    case 'town':
      return context.t('statistics_town');
    case 'village':
      return villageName(key, context.locale);
    case 'grid': {
      const village = demoVillages.find((v) => v.grids.some((grid) => grid.id === key));
      return village ? gridName(village.id, key, context.locale) : key;
    }
    case 'handler':
      return context.nameOf(key);
  }
}
