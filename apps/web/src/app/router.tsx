import type { SessionUser } from '@komek/domain';
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
// The sign-in screen is in the first download: on a slow link a second round trip costs seconds.
// The shell and the unlock screen come after, while the session is asked for.
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useDevice } from '../offline/hooks.ts';
import { ApiError } from './api.ts';
import { useSession } from './session.ts';

const shellModule = () => import('../components/Shell.tsx');
const Shell = lazy(() => shellModule().then((m) => ({ default: m.Shell })));
const UnlockPage = lazy(() =>
  import('../features/offline/UnlockPage.tsx').then((m) => ({ default: m.UnlockPage })),
);

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

const page = <P extends string>(path: P, Component: ComponentType<PageProps>) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: function Page() {
      const user = useUser();
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
const ResultsPage = lazy(() => import('../features/results/ResultsPage.tsx'));

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    page('/', HomePage),
    page('/persons', PersonsPage),
    page('/persons/new', PersonRegisterPage),
    page('/persons/$personId', PersonPage),
    page('/persons/$personId/edit', PersonEditPage),
    page('/cases', CasesPage),
    page('/cases/$caseId', CasePage),
    page('/referrals', ReferralsPage),
    page('/referrals/$referralId', ReferralPage),
    page('/services', ServicesPage),
    page('/deadlines', DeadlinesPage),
    page('/procedure-templates', ProcedureTemplatesPage),
    page('/results', ResultsPage),
    page('/activities', MyActivitiesPage),
    page('/lists', ListMatchingPage),
    page('/users', UsersPage),
    page('/organisations', OrganisationsPage),
    page('/audit', AuditPage),
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
