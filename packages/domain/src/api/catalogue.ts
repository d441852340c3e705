import type { Contract } from '../contract.ts';
import { assistanceApi } from './assistance.api.ts';
import { auditApi } from './audit.api.ts';
import { authApi } from './auth.api.ts';
import { backupsApi } from './backups.api.ts';
import { borderProjectsApi } from './border-projects.api.ts';
import { casesApi } from './cases.api.ts';
import { directoryApi, savedViewsApi } from './directory.api.ts';
import { helpApi } from './help.api.ts';
import { incidentsApi } from './incidents.api.ts';
import { intakeApi } from './intake.api.ts';
import { attachmentsApi, listsApi } from './lists.api.ts';
import { mailboxesApi } from './mailboxes.api.ts';
import { messengerApi } from './messenger.api.ts';
import { monitoringApi } from './monitoring.api.ts';
import { organisationsApi } from './organisations.api.ts';
import { personsApi } from './persons.api.ts';
import { geographyApi, healthApi, notificationsApi, tokensApi } from './platform.api.ts';
import { proceduresApi } from './procedures.api.ts';
import { referralsApi } from './referrals.api.ts';
import { resultsApi } from './results.api.ts';
import { screeningsApi } from './screenings.api.ts';
import { calendarApi, eligibilityApi } from './settings.api.ts';
import { usersApi } from './users.api.ts';

const groups: Record<string, Record<string, Contract>> = {
  assistanceApi,
  auditApi,
  authApi,
  backupsApi,
  borderProjectsApi,
  casesApi,
  directoryApi,
  savedViewsApi,
  helpApi,
  incidentsApi,
  intakeApi,
  attachmentsApi,
  listsApi,
  mailboxesApi,
  messengerApi,
  monitoringApi,
  organisationsApi,
  screeningsApi,
  personsApi,
  geographyApi,
  healthApi,
  notificationsApi,
  tokensApi,
  proceduresApi,
  referralsApi,
  resultsApi,
  calendarApi,
  eligibilityApi,
  usersApi,
};

/** Every endpoint of the API, named `group.name`; the server must implement exactly these. */
export const API_CONTRACTS: ReadonlyArray<{ name: string; contract: Contract }> = Object.entries(
  groups,
).flatMap(([group, contracts]) =>
  Object.entries(contracts).map(([name, contract]) => ({ name: `${group}.${name}`, contract })),
);
