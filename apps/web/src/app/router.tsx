import type { Permission, SessionUser } from '@komek/domain';
import { Center, Loader } from '@mantine/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Navigate,
  Outlet,
  useRouterState,
} from '@tanstack/react-router';
import { type ComponentType, lazy, Suspense } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ForbiddenPage, NotFoundPage } from '../components/PageRefusals.tsx';
// The sign-in and unlock screens are in the first download: on a slow link, or opening offline,
// another file costs time. The shell comes after, while the session is asked for.
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { UnlockPage } from '../features/offline/UnlockPage.tsx';
import { useDevice } from '../offline/hooks.ts';
import { ApiError } from './api.ts';
import { can, useSession } from './session.ts';

const shellModule = () => import('../components/Shell.tsx');
const Shell = lazy(() => shellModule().then((m) => ({ default: m.Shell })));

/** Pages inside the shell get the signed-in user; the layout guarantees there is one. */
function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('page rendered without a session');
  return data.user;
}

function SignedInLayout() {
  const session = useSession();
  const device = useDevice();
  const path = useRouterState({ select: (s) => s.location.pathname });
  // Fetched beside the session rather than after it: one round trip fewer on a slow link.
  void shellModule();
  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (
    (session.error instanceof ApiError && session.error.code === 'device_locked') ||
    (device.kind === 'locked' && session.data?.csrfToken === '')
  )
    return <UnlockPage />;
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) return <Navigate to="/login" />;
  if (session.data.user.mustEnrolTotp && path !== '/account') return <Navigate to="/account" />;
  return (
    <Shell user={session.data.user}>
      <Suspense fallback={<Waiting />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}

const rootRoute = createRootRoute({
  notFoundComponent: NotFoundPage,
  component: () => (
    <Suspense fallback={<Waiting />}>
      <Outlet />
    </Suspense>
  ),
});
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: SignedInLayout });
type PageProps = { user: SessionUser; me: SessionUser };

function Waiting() {
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}

/** A page of the signed-in app; one the user's role does not open says so at once. */
const page = <P extends string>(path: P, Component: ComponentType<PageProps>, needs?: Permission) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: function Page() {
      const user = useUser();
      if (needs && !can(user, needs)) return <ForbiddenPage user={user} />;
      return <Component user={user} me={user} />;
    },
  });

const AccountPage = lazy(() =>
  import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const CasePage = lazy(() => import('../features/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const CasesPage = lazy(() =>
  import('../features/cases/CasesPage.tsx').then((m) => ({ default: m.CasesPage })),
);
const ServicesPage = lazy(() =>
  import('../features/directory/ServicesPage.tsx').then((m) => ({ default: m.ServicesPage })),
);
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const ListMatchingPage = lazy(() =>
  import('../features/lists/ListMatchingPage.tsx').then((m) => ({ default: m.ListMatchingPage })),
);
const BackupsPage = lazy(() =>
  import('../features/backups/BackupsPage.tsx').then((m) => ({ default: m.BackupsPage })),
);
const OrganisationsPage = lazy(() =>
  import('../features/organisations/OrganisationsPage.tsx').then((m) => ({ default: m.OrganisationsPage })),
);
const PersonRegisterPage = lazy(() =>
  import('../features/persons/PersonForm.tsx').then((m) => ({ default: m.PersonRegisterPage })),
);
const PersonPage = lazy(() =>
  import('../features/persons/PersonPage.tsx').then((m) => ({ default: m.PersonPage })),
);
const PersonsPage = lazy(() =>
  import('../features/persons/PersonsPage.tsx').then((m) => ({ default: m.PersonsPage })),
);
const DeadlinesPage = lazy(() =>
  import('../features/procedures/DeadlinesPage.tsx').then((m) => ({ default: m.DeadlinesPage })),
);
const ProcedureTemplatesPage = lazy(() =>
  import('../features/procedures/ProcedureTemplatesPage.tsx').then((m) => ({
    default: m.ProcedureTemplatesPage,
  })),
);
const ReferralPage = lazy(() =>
  import('../features/referrals/ReferralPage.tsx').then((m) => ({ default: m.ReferralPage })),
);
const ReferralsPage = lazy(() =>
  import('../features/referrals/ReferralsPage.tsx').then((m) => ({ default: m.ReferralsPage })),
);
const OutboxPage = lazy(() =>
  import('../features/offline/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })),
);
const PersonEditPage = lazy(() =>
  import('../features/persons/PersonEditPage.tsx').then((m) => ({ default: m.PersonEditPage })),
);
const UsersPage = lazy(() =>
  import('../features/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const MyActivitiesPage = lazy(() =>
  import('../features/activities/MyActivitiesPage.tsx').then((m) => ({ default: m.MyActivitiesPage })),
);
const RolesPage = lazy(() =>
  import('../features/users/RolesPage.tsx').then((m) => ({ default: m.RolesPage })),
);
const ResultsPage = lazy(() => import('../features/results/ResultsPage.tsx'));
const IntakeQueuePage = lazy(() =>
  import('../features/intake/IntakeQueuePage.tsx').then((m) => ({ default: m.IntakeQueuePage })),
);
const IntakePage = lazy(() =>
  import('../features/intake/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
);
const MessengerPage = lazy(() =>
  import('../features/messenger/MessengerPage.tsx').then((m) => ({ default: m.MessengerPage })),
);
const MessengerInboxPage = lazy(() =>
  import('../features/messenger/MessengerInboxPage.tsx').then((m) => ({ default: m.MessengerInboxPage })),
);
const HelpContentPage = lazy(() =>
  import('../features/help/HelpContentPage.tsx').then((m) => ({ default: m.HelpContentPage })),
);
const IncidentsPage = lazy(() =>
  import('../features/incidents/IncidentsPage.tsx').then((m) => ({ default: m.IncidentsPage })),
);
const IncidentPage = lazy(() =>
  import('../features/incidents/IncidentPage.tsx').then((m) => ({ default: m.IncidentPage })),
);
const CheckpointsPage = lazy(() =>
  import('../features/monitoring/CheckpointsPage.tsx').then((m) => ({ default: m.CheckpointsPage })),
);
const CheckpointPage = lazy(() =>
  import('../features/monitoring/CheckpointPage.tsx').then((m) => ({ default: m.CheckpointPage })),
);
const VisitPage = lazy(() =>
  import('../features/monitoring/VisitPage.tsx').then((m) => ({ default: m.VisitPage })),
);
const ProjectsPage = lazy(() =>
  import('../features/border-projects/ProjectsPage.tsx').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import('../features/border-projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })),
);
const AssistancePage = lazy(() =>
  import('../features/assistance/AssistancePage.tsx').then((m) => ({ default: m.AssistancePage })),
);
const AssistanceRecordPage = lazy(() =>
  import('../features/assistance/AssistanceRecordPage.tsx').then((m) => ({
    default: m.AssistanceRecordPage,
  })),
);
const ScreeningsPage = lazy(() =>
  import('../features/screenings/ScreeningsPage.tsx').then((m) => ({ default: m.ScreeningsPage })),
);
const ScreeningPage = lazy(() =>
  import('../features/screenings/ScreeningPage.tsx').then((m) => ({ default: m.ScreeningPage })),
);
const NewScreeningPage = lazy(() =>
  import('../features/screenings/NewScreeningPage.tsx').then((m) => ({ default: m.NewScreeningPage })),
);
const HotlineDesk = lazy(() =>
  import('../features/intake/HotlineDesk.tsx').then((m) => ({ default: m.HotlineDesk })),
);

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    page('/', HomePage),
    page('/persons', PersonsPage, 'person.read'),
    page('/persons/new', PersonRegisterPage, 'person.manage'),
    page('/persons/$personId', PersonPage, 'person.read'),
    page('/persons/$personId/edit', PersonEditPage, 'person.manage'),
    page('/persons/$personId/screening', NewScreeningPage, 'screening.record'),
    page('/screenings', ScreeningsPage, 'case.read'),
    page('/screenings/$screeningId', ScreeningPage, 'case.read'),
    page('/cases', CasesPage, 'case.read'),
    page('/cases/$caseId', CasePage, 'case.read'),
    page('/intake', IntakeQueuePage, 'intake.read'),
    page('/intake/desk', HotlineDesk, 'intake.manage'),
    page('/intake/$intakeId', IntakePage, 'intake.read'),
    page('/messenger', MessengerPage, 'intake.read'),
    page('/messenger/inbox', MessengerInboxPage, 'intake.read'),
    page('/help-content', HelpContentPage, 'help.write'),
    page('/incidents', IncidentsPage, 'incident.read'),
    page('/incidents/$incidentId', IncidentPage, 'incident.read'),
    page('/checkpoints', CheckpointsPage, 'monitoring.read'),
    page('/checkpoints/$checkpointId', CheckpointPage, 'monitoring.read'),
    page('/monitoring/visits/$visitId', VisitPage, 'monitoring.read'),
    page('/border-projects', ProjectsPage, 'monitoring.read'),
    page('/border-projects/$projectId', ProjectPage, 'monitoring.read'),
    page('/assistance', AssistancePage, 'assistance.read'),
    page('/assistance/$assistanceId', AssistanceRecordPage, 'assistance.read'),
    page('/referrals', ReferralsPage, 'referral.read'),
    page('/referrals/$referralId', ReferralPage, 'referral.read'),
    page('/services', ServicesPage, 'service.read'),
    page('/deadlines', DeadlinesPage, 'case.read'),
    page('/procedure-templates', ProcedureTemplatesPage, 'case.read'),
    page('/results', ResultsPage, 'results.read'),
    page('/activities', MyActivitiesPage, 'activity.record'),
    page('/lists', ListMatchingPage, 'person.manage'),
    page('/users', UsersPage, 'user.read'),
    page('/roles', RolesPage),
    page('/organisations', OrganisationsPage, 'organisation.read'),
    page('/audit', AuditPage, 'audit.read'),
    page('/backups', BackupsPage, 'backup.manage'),
    page('/account', AccountPage),
    page('/outbox', OutboxPage),
  ]),
]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
