/**
 * Excel's CONVERT unit table: every unit name it accepts, its group, how many of it make
 * the group's reference unit, and whether a metric prefix may come before it. Unit names
 * are case-sensitive, as in Excel. The factors are the ones Excel computes with (some are
 * Excel's historical constants, not today's CODATA values: one joule is 9999995.19343231
 * ergs and 2.77777916238711E-04 watt-hours in Excel), as tabulated by PhpSpreadsheet's
 * ConvertUOM (MIT), which reproduces Excel's published results.
 */

export type UnitGroup =
  | 'mass'
  | 'distance'
  | 'time'
  | 'pressure'
  | 'force'
  | 'energy'
  | 'power'
  | 'magnetism'
  | 'temperature'
  | 'volume'
  | 'area'
  | 'information'
  | 'speed';

export interface Unit {
  group: UnitGroup;
  /** How many of this unit make one of the group's reference unit (g, m, s, Pa, N, J, HP, T, l, ha, bit, m/s). */
  perReference: number;
  prefixes: boolean;
}

/** Units as `names: [perReference, prefixes]`, several names sharing one entry where Excel has synonyms. */
type Table = [names: string, perReference: number, prefixes: boolean][];

const MASS: Table = [
  ['g', 1, true],
  ['sg', 6.85217658567918e-5, false],
  ['lbm', 2.20462262184878e-3, false],
  ['u', 6.02214179421676e23, true],
  ['ozm', 3.52739619495804e-2, false],
  ['grain', 1.54323583529414e1, false],
  ['cwt shweight', 2.20462262184878e-5, false],
  ['uk_cwt lcwt hweight', 1.96841305522212e-5, false],
  ['stone', 1.5747304441777e-4, false],
  ['ton', 1.10231131092439e-6, false],
  ['uk_ton LTON brton', 9.84206527611061e-7, false],
];

const DISTANCE: Table = [
  ['m', 1, true],
  ['mi', 6.21371192237334e-4, false],
  ['Nmi', 5.39956803455724e-4, false],
  ['in', 3.93700787401575e1, false],
  ['ft', 3.28083989501312, false],
  ['yd', 1.09361329833771, false],
  ['ang', 1e10, true],
  ['ell', 8.74890638670166e-1, false],
  ['ly', 1.05700083402462e-16, false],
  ['parsec pc', 3.24077928966473e-17, false],
  ['Pica Picapt', 2.83464566929134e3, false],
  ['pica', 2.36220472440945e2, false],
  ['survey_mi', 6.2136994949495e-4, false],
];

const TIME: Table = [
  ['yr', 3.16880878140289e-8, false],
  ['day d', 1 / 86_400, false],
  ['hr', 1 / 3600, false],
  ['mn min', 1 / 60, false],
  ['sec s', 1, true],
];

const PRESSURE: Table = [
  ['Pa p', 1, true],
  ['atm at', 9.86923266716013e-6, true],
  ['mmHg', 7.50063755419211e-3, true],
  ['psi', 1.45037737730209e-4, true],
  ['Torr', 7.5006168270417e-3, true],
];

const FORCE: Table = [
  ['N', 1, true],
  ['dyn dy', 1e5, true],
  ['lbf', 2.24808923655339e-1, false],
  ['pond', 1.01971621297793e2, true],
];

const ENERGY: Table = [
  ['J', 1, true],
  ['e', 9.99999519343231e6, true],
  ['c', 2.39006249473467e-1, true],
  ['cal', 2.38846190642017e-1, true],
  ['eV ev', 6.241457e18, true],
  ['HPh hh', 3.72506430801e-7, false],
  ['Wh wh', 2.77777916238711e-4, true],
  ['flb', 2.37304222192651e1, false],
  ['BTU btu', 9.47815067349015e-4, false],
];

const POWER: Table = [
  ['HP h', 1, false],
  ['W w', 7.4569987158227e2, true],
  ['PS', 1.013869665424, false],
];

const MAGNETISM: Table = [
  ['T', 1, true],
  ['ga', 1e4, true],
];

/** Temperatures are not proportional: perReference is unused, see toKelvin in convert.ts. */
const TEMPERATURE: Table = [
  ['C cel', 1, false],
  ['F fah', 1, false],
  ['K kel', 1, false],
  ['Rank', 1, false],
  ['Reau', 1, false],
];

const VOLUME: Table = [
  ['l L lt', 1, true],
  ['tsp', 2.02884136211058e2, false],
  ['tspm', 2e2, false],
  ['tbs', 6.7628045403686e1, false],
  ['oz', 3.3814022701843e1, false],
  ['cup', 4.22675283773038, false],
  ['pt us_pt', 2.11337641886519, false],
  ['uk_pt', 1.7597539863927, false],
  ['qt', 1.05668820943259, false],
  ['uk_qt', 8.79876993196351e-1, false],
  ['gal', 2.64172052358148e-1, false],
  ['uk_gal', 2.19969248299088e-1, false],
  ['ang3 ang^3', 1e27, true],
  ['barrel', 6.28981077043211e-3, false],
  ['bushel', 2.83775932584017e-2, false],
  ['in3 in^3', 6.10237440947323e1, false],
  ['ft3 ft^3', 3.53146667214886e-2, false],
  ['ly3 ly^3', 1.18093498844171e-51, false],
  ['m3 m^3', 1e-3, true],
  ['mi3 mi^3', 2.39912758578928e-13, false],
  ['yd3 yd^3', 1.30795061931439e-3, false],
  ['Nmi3 Nmi^3', 1.57426214685811e-13, false],
  ['Pica3 Pica^3 Picapt3 Picapt^3', 2.27769904358706e7, false],
  ['GRT regton', 3.53146667214886e-4, false],
  ['MTON', 8.82866668037215e-4, false],
];

const AREA: Table = [
  ['ha', 1, true],
  ['uk_acre', 2.47105381467165, false],
  ['us_acre', 2.47104393046628, false],
  ['ang2 ang^2', 1e24, true],
  ['ar', 1e2, true],
  ['ft2 ft^2', 1.07639104167097e5, false],
  ['in2 in^2', 1.5500031000062e7, false],
  ['ly2 ly^2', 1.11725076312873e-28, false],
  ['m2 m^2', 1e4, true],
  ['Morgen', 4, false],
  ['mi2 mi^2', 3.86102158542446e-3, false],
  ['Nmi2 Nmi^2', 2.91553349598123e-3, false],
  ['Pica2 Pica^2 Picapt2 Picapt^2', 8.03521607043214e10, false],
  ['yd2 yd^2', 1.19599004630108e4, false],
];

const INFORMATION: Table = [
  ['bit', 1, true],
  ['byte', 0.125, true],
];

const SPEED: Table = [
  ['m/s m/sec', 1, true],
  ['m/h m/hr', 3.6e3, true],
  ['mph', 2.2369362920544, false],
  ['admkn', 1.94260256941567, false],
  ['kn', 1.9438444924406, false],
];

const GROUPS: Record<UnitGroup, Table> = {
  mass: MASS,
  distance: DISTANCE,
  time: TIME,
  pressure: PRESSURE,
  force: FORCE,
  energy: ENERGY,
  power: POWER,
  magnetism: MAGNETISM,
  temperature: TEMPERATURE,
  volume: VOLUME,
  area: AREA,
  information: INFORMATION,
  speed: SPEED,
};

/** Every unit name Excel accepts without a prefix. */
export const UNITS: ReadonlyMap<string, Unit> = new Map(
  Object.entries(GROUPS).flatMap(([group, table]) =>
    table.flatMap(([names, perReference, prefixes]) =>
      names.split(' ').map((name) => [name, { group: group as UnitGroup, perReference, prefixes }] as const),
    ),
  ),
);

/** Metric prefixes (Excel accepts both `da` and `e` for deka). */
export const METRIC_PREFIXES: ReadonlyMap<string, number> = new Map([
  ['Y', 1e24],
  ['Z', 1e21],
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
  ['h', 1e2],
  ['da', 1e1],
  ['e', 1e1],
  ['d', 1e-1],
  ['c', 1e-2],
  ['m', 1e-3],
  ['u', 1e-6],
  ['n', 1e-9],
  ['p', 1e-12],
  ['f', 1e-15],
  ['a', 1e-18],
  ['z', 1e-21],
  ['y', 1e-24],
]);

/** Binary prefixes, for bits and bytes only. */
export const BINARY_PREFIXES: ReadonlyMap<string, number> = new Map([
  ['Yi', 2 ** 80],
  ['Zi', 2 ** 70],
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['ki', 2 ** 10],
]);
