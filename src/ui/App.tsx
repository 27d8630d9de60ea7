/** Placeholder page: the search box and whether the page is cross-origin isolated. */
export function App() {
  return (
    <main>
      <h1>Voice search</h1>
      <input type="search" aria-label="Search" />
      <p>Voice search runs entirely in your browser.</p>
      <p role="status" aria-live="polite">
        {crossOriginIsolated ? 'cross-origin isolated' : 'not isolated'}
      </p>
    </main>
  );
}
