/**
 * The route structure of the web app. Candidate pages are in the main bundle; everything under
 * /staff is one lazily loaded chunk (React.lazy + dynamic import) that candidates never download.
 * A route whose page is not built yet shows {@link NotOpen} — never a form that does not work.
 */
import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { NotOpen } from './pages/NotOpen';
import { RouteError } from './pages/RouteError';

const StaffApp = lazy(() => import('./staff/StaffApp'));

/** Every route of the app; later pages replace their NotOpen element. */
export const appRoutes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'register', element: <NotOpen title="新考生注册" /> },
      { path: 'activate', element: <NotOpen title="在籍考生认证" /> },
      { path: 'login', element: <NotOpen title="考生登录" /> },
      { path: 'me', element: <NotOpen title="个人中心" /> },
      { path: 'apply/*', element: <NotOpen title="免考申请" /> },
      { path: 'results', element: <NotOpen title="免考审核结果查询" /> },
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
