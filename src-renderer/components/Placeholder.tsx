// Stand-in view for a feature whose screens are not built yet.
export function Placeholder({ title, hint }: { title: string; hint: string }) {
  return (
    <section className="placeholder" data-testid="placeholder">
      <h2>{title}</h2>
      <p>{hint}</p>
    </section>
  );
}
