// The "View only" badge of a console on a read-only profile (main relays no keyboard, mouse or clipboard input).
export function ViewOnlyBadge() {
  return (
    <span
      className="badge"
      data-testid="console-view-only"
      title="This cluster profile is read-only: keyboard, mouse and clipboard are not sent"
    >
      View only
    </span>
  );
}
