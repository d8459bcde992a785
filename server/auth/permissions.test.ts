import { describe, expect, it } from "vitest";
import { ROLES } from "../domain/enums";
import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS } from "./permissions";

describe("role → permission table", () => {
  it("gives admins every permission", () => {
    expect(PERMISSIONS.every((p) => hasPermission("admin", p))).toBe(true);
  });

  it("lets every role read the overview (the first page after sign-in)", () => {
    expect(ROLES.every((r) => hasPermission(r, "dashboard.read"))).toBe(true);
  });

  it("keeps workspace settings and the audit log to admins", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(hasPermission(role, "workspace.manage")).toBe(false);
      // API keys and webhooks let outside systems write into the workspace
      expect(hasPermission(role, "workspace.integrations")).toBe(false);
      // an archive holds every record of the workspace, personal data included
      expect(hasPermission(role, "workspace.archive")).toBe(false);
      expect(hasPermission(role, "audit.read")).toBe(false);
    }
  });

  it("lets CX managers triage and executives set targets, not the other way round", () => {
    expect(hasPermission("cx_manager", "feedback.triage")).toBe(true);
    expect(hasPermission("executive", "feedback.triage")).toBe(false);
    expect(hasPermission("executive", "targets.manage")).toBe(true);
    expect(hasPermission("cx_manager", "targets.manage")).toBe(false);
    expect(hasPermission("team_member", "feedback.triage")).toBe(false);
  });

  it("names only known permissions", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
