/**
 * The route structure of the web app. Candidate pages are in the main bundle; everything under
 * /staff is one lazily loaded chunk (React.lazy + dynamic import) that candidates never download.
 * A route whose page is not built yet shows `NotOpen` (pages/NotOpen.tsx) — never a form that does not work.
 */
import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { ApplyApp } from './apply/ApplyApp';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { Activate } from './pages/Activate';
import { ChangePassword } from './pages/ChangePassword';
import { Home } from './pages/Home';
import { Identity } from './pages/Identity';
import { Login } from './pages/Login';
import { Me } from './pages/Me';
import { NotFound } from './pages/NotFound';
import { Register } from './pages/Register';
import { Results } from './pages/Results';
import { RouteError } from './pages/RouteError';
import { Start } from './pages/Start';

const StaffApp = lazy(() => import('./staff/StaffApp'));

/** Every route of the app; later pages replace their NotOpen element. */
export const appRoutes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'start', element: <Start /> },
      { path: 'register', element: <Register /> },
      { path: 'activate', element: <Activate /> },
      { path: 'login', element: <Login /> },
      { path: 'identity', element: <Identity /> },
      { path: 'me', element: <Me /> },
      { path: 'me/password', element: <ChangePassword /> },
      { path: 'apply/*', element: <ApplyApp /> },
      { path: 'results', element: <Results /> },
      {
        path: 'staff/*',
        element: (
          <Suspense fallback={<Loading />}>
            <StaffApp />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(appRoutes);

/** The app: the router over {@link appRoutes}. */
export function App() {
  return <RouterProvider router={router} />;
}
