import '@mantine/core/styles.css';
import './app/phone.css';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { isOffline } from './app/api.ts';
import { router } from './app/router.tsx';
import { readableColours, theme } from './app/theme.ts';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { i18nReady } from './i18n/index.ts';

// The device store (IndexedDB) is not needed to draw the first screen: it comes just after.
const OfflineRuntime = lazy(() => import('./offline/react.ts').then((m) => ({ default: m.OfflineRuntime })));

// Offline a read still runs: it answers from the device's store (or says it is not there).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      networkMode: 'always',
      retry: (count, error) => !isOffline(error) && count < 2,
    },
    mutations: { networkMode: 'always' },
  },
});

/** Keeps Mantine's direction in step with the language: Dari reads right to left. */
function FollowLanguageDirection() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = i18n.dir(i18n.language);
  useEffect(() => {
    document.documentElement.dir = dir;
    setDirection(dir);
  }, [dir, setDirection]);
  return null;
}

function App() {
  const { i18n } = useTranslation();
  return (
    <DirectionProvider initialDirection={i18n.dir(i18n.language)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={readableColours}>
        <FollowLanguageDirection />
        <RouterProvider router={router} />
        <UpdatePrompt />
        <Suspense>
          <OfflineRuntime />
        </Suspense>
      </MantineProvider>
    </DirectionProvider>
  );
}

await i18nReady;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
