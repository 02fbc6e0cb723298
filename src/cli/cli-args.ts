import { parseArgs } from 'node:util';
import { type FacetParam, facetParams } from '../search/facets.ts';
import { CliError, exitCodes } from './cli-error.ts';

/** The commands, and the options each accepts. */
export const commands = {
  migrate: [],
  import: ['partial'],
  figures: ['partial'],
  export: ['format', 'out', 'q', 'lang', ...facetParams, 'from', 'to'],
  'seed-demo': [],
  digest: [],
  user: ['email', 'role', 'name', 'password-stdin', 'new-database'],
  city: ['email', 'city'],
  backup: [],
  restore: [],
  harvest: ['format', 'set', 'dry-run'],
  'check-links': [],
} as const;
export type CommandName = keyof typeof commands;

/** Search filters the export takes, named as in the search page's URL. */
export const filterOptions = facetParams;

const options = {
  help: { type: 'boolean', short: 'h' },
  partial: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  q: { type: 'string' },
  lang: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'new-database': { type: 'boolean' },
  set: { type: 'string' },
  'dry-run': { type: 'boolean' },
  ...Object.fromEntries(filterOptions.map((f) => [f, { type: 'string', multiple: true }])),
} as const;

/** Parsed command line: the command, its positional arguments and its options. */
export interface CliArgs {
  command: CommandName | 'help';
  positionals: string[];
  values: {
    partial?: boolean;
    format?: string;
    out?: string;
    q?: string;
    lang?: string;
    from?: string;
    to?: string;
    email?: string;
    role?: string;
    name?: string;
    'password-stdin'?: boolean;
    'new-database'?: boolean;
    set?: string;
    'dry-run'?: boolean;
  } & Partial<Record<FacetParam, string[]>>;
}

export const helpText = `Usage: clearinghouse <command> [options]

Commands:
  migrate                  Bring the database schema up to date.
  import FILE [--partial]  Import practices from an exchange-format JSON file ("-" reads
                           standard input). Every record is checked first: on any error,
                           every error is printed with its JSON path and nothing is
                           written, unless --partial asks to write the valid records.
                           Records are matched by id; an identical record is left alone.
  figures FILE [--partial] Record yearly figures of cities and countries from a CSV file
                           ("-" reads standard input), one figure a line, with the columns
                           country,city,indicator,year,value,source_name,source_url,basis,note
                           (city empty for the country's own figure; indicator codes as on
                           /self-assessment). Every error is printed with its line and
                           column and nothing is written, unless --partial asks to record
                           the valid lines. A figure replaces the one of the same place,
                           indicator and year; each change is kept as a revision.
  export [options]         Export published practices, as exchange-format JSON or CSV.
      --format json|csv    File format (default json).
      --out FILE, -o FILE  Write to FILE instead of standard output.
      --q TEXT             Only practices matching these words (language: --lang, default en).
      --theme, --region, --country, --city, --actor, --target, --status, --evidence, --assessed CODE
                           Filters of the search page; repeat one to allow several values,
                           e.g. --theme housing --theme health --country IT.
      --from YEAR, --to YEAR
                           Only practices started in these years.
  seed-demo                Load the demo practices and city figures.
  digest daily|weekly      Send the daily or weekly digest now rather than at 06:00 UTC
                           (through the running server, whose worker sends it).
  user create --email E --role R [--name N] [--password-stdin] [--new-database]
                           Create a confirmed account with a role (member, editor or
                           admin), e.g. the first admin. The password is asked for on the
                           terminal (not shown), or read from standard input with
                           --password-stdin: printf '%s' "$PW" | clearinghouse user create …
                           Where there is no database yet it refuses (check DATA_DIR or
                           DATABASE_URL), unless --new-database asks to create one.
  user role --email E --role R
                           Give an existing account another role.
  city grant --email E --city de/berlin
  city revoke --email E --city de/berlin
                           Make an account a representative of a city (country/slug, as
                           in the city page's address), who may then answer its
                           self-assessment; or end it.
  backup FILE              Write a copy of the embedded database to FILE (a .tar.gz),
                           through the running server when there is one. On PostgreSQL it
                           prints the pg_dump command to use instead.
  restore FILE             Replace the embedded database with the backup in FILE; the
                           server must be stopped. The database it replaces is kept
                           beside it, renamed (the command prints where).
  harvest URL [--format oai|exchange-json] [--set S] [--dry-run]
                           Harvest practices from another Clearinghouse or an OAI-PMH
                           repository now (default format exchange-json: a file such as
                           https://other.example/practices/export.json). Incremental, as
                           the admins' schedule (/admin/harvest); prints the report.
                           --dry-run writes nothing. 65: some records refused; 69: the
                           source could not be read.
  check-links              Check every practice's links now (also done weekly) and print
                           the counts; editors see the broken ones on /review/links.
  --help, -h               Show this help.

Database: DATABASE_URL=postgres://… uses PostgreSQL; otherwise the embedded database in
DATA_DIR (default ./data). Every command says on standard error which database it uses,
and warns when it creates a new one. While a server runs on that folder, the commands go
through the server (the embedded database allows one writer); otherwise the command holds
the folder itself until it ends, and a server cannot start meanwhile.

Exit status: 0 done · 64 wrong usage · 65 invalid records in the import file, a backup
that does not restore, or an unknown account or city · 66 file not found, or no database
yet · 75 data folder busy or server not answering · 78 bad configuration.
`;

/**
 * Reads the command line; wrong usage is a CliError with status 64 and a hint.
 * @example parseCliArgs(['export', '--format', 'csv', '--theme', 'housing'])
 */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nRun "clearinghouse --help" for usage.`, exitCodes.usage);
  }
  const [name, ...positionals] = parsed.positionals;
  if (parsed.values.help || name === 'help') return { command: 'help', positionals: [], values: {} };
  if (!name) throw new CliError(`No command given.\n\n${helpText}`, exitCodes.usage);
  if (!(name in commands)) throw new CliError(`Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`, exitCodes.usage);
  const command = name as CommandName;
  const allowed: readonly string[] = commands[command];
  for (const key of Object.keys(parsed.values)) {
    if (!allowed.includes(key)) throw new CliError(`--${key} does not apply to "${command}". Run "clearinghouse --help" for usage.`, exitCodes.usage);
  }
  const oneArgument: Partial<Record<CommandName, string>> = {
    import: 'import needs exactly one FILE (or "-" for standard input).',
    figures: 'figures needs exactly one CSV FILE (or "-" for standard input), e.g. clearinghouse figures figures.csv',
    user: 'user needs a subcommand: "user create --email E --role R" or "user role --email E --role R".',
    city: 'city needs a subcommand: "city grant --email E --city de/berlin" or "city revoke --email E --city de/berlin".',
    backup: 'backup needs exactly one FILE, e.g. clearinghouse backup clearinghouse-backup.tar.gz',
    restore: 'restore needs exactly one FILE, e.g. clearinghouse restore clearinghouse-backup.tar.gz',
    harvest: 'harvest needs exactly one URL, e.g. clearinghouse harvest https://other.example/practices/export.json',
    digest: 'digest needs which one: clearinghouse digest daily, or clearinghouse digest weekly',
  };
  const usage = oneArgument[command];
  if (positionals.length !== (usage ? 1 : 0)) {
    throw new CliError(usage ?? `"${command}" takes no arguments, got: ${positionals.join(' ')}`, exitCodes.usage);
  }
  return { command, positionals, values: parsed.values as CliArgs['values'] };
}
