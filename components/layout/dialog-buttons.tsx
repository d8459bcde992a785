import { Button } from "@/components/ui/button";

/**
 * The row that ends a dialog: Cancel, then the button that does the work. Without `onConfirm` the
 * confirm button submits the dialog's form; with it, it is a plain button (a dialog with no form).
 */
export function DialogButtons({
  cancelLabel,
  onCancel,
  confirmLabel,
  disabled,
  destructive = false,
  onConfirm,
}: {
  cancelLabel: string;
  onCancel: () => void;
  confirmLabel: string;
  disabled: boolean;
  destructive?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="outline" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button
        type={onConfirm ? "button" : "submit"}
        variant={destructive ? "destructive" : "default"}
        disabled={disabled}
        onClick={onConfirm}
      >
        {confirmLabel}
      </Button>
    </div>
  );
}
