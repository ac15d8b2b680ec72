// The console's dismissible error line (a failed claim, a lost connection, a refused action).
"use client";

export function ConsoleError({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex items-center justify-between gap-2 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="console-error">
      <span>{message}</span>
      <button type="button" onClick={onDismiss} className="rounded px-2 hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-red-600" aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
