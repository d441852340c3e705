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
import { Shell } from '../components/Shell.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { CasePage } from '../features/cases/CasePage.tsx';
import { CasesPage } from '../features/cases/CasesPage.tsx';
import { ServicesPage } from '../features/directory/ServicesPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ListMatchingPage } from '../features/lists/ListMatchingPage.tsx';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage.tsx';
import { PersonRegisterPage } from '../features/persons/PersonForm.tsx';
import { PersonPage } from '../features/persons/PersonPage.tsx';
import { PersonsPage } from '../features/persons/PersonsPage.tsx';
import { DeadlinesPage } from '../features/procedures/DeadlinesPage.tsx';
import { ProcedureTemplatesPage } from '../features/procedures/ProcedureTemplatesPage.tsx';
import { ReferralPage } from '../features/referrals/ReferralPage.tsx';
import { ReferralsPage } from '../features/referrals/ReferralsPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { useSession } from './session.ts';

/** Pages inside the shell get the signed-in user; the layout guarantees there is one. */
function useUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('page rendered without a session');
  return data.user;
}

function SignedInLayout() {
  const session = useSession();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) return <Navigate to="/login" />;
  if (session.data.user.mustEnrolTotp && path !== '/account') return <Navigate to="/account" />;
  return (
    <Shell user={session.data.user}>
      <Outlet />
    </Shell>
  );
}

const rootRoute = createRootRoute({ component: () => <Outlet /> });
const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });
const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: SignedInLayout });
const page = <P extends string>(path: P, Component: ComponentType<{ user: SessionUser; me: SessionUser }>) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: function Page() {
      const user = useUser();
      return <Component user={user} me={user} />;
    },
  });

// Charts and the map load only when results are opened.
const ResultsPage = lazy(() => import('../features/results/ResultsPage.tsx'));
function LazyResults(props: { user: SessionUser }) {
  return (
    <Suspense fallback={<Loader />}>
      <ResultsPage user={props.user} />
    </Suspense>
  );
}

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    page('/', HomePage),
    page('/persons', PersonsPage),
    page('/persons/new', PersonRegisterPage),
    page('/persons/$personId', PersonPage),
    page('/cases', CasesPage),
    page('/cases/$caseId', CasePage),
    page('/referrals', ReferralsPage),
    page('/referrals/$referralId', ReferralPage),
    page('/services', ServicesPage),
    page('/deadlines', DeadlinesPage),
    page('/procedure-templates', ProcedureTemplatesPage),
    page('/results', LazyResults),
    page('/lists', ListMatchingPage),
    page('/users', UsersPage),
    page('/organisations', OrganisationsPage),
    page('/audit', AuditPage),
    page('/account', AccountPage),
  ]),
]);

export const router = createRouter({ routeTree });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
