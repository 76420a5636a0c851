/** Button and modal handlers by custom-id action / modal id. */
import type { ActionName } from "../ui/custom-id.js";
import { cancelButton, confirmButton, noopButton } from "./confirm.js";
import { connectionRemoveButton } from "./connection-buttons.js";
import { pageButton } from "./pager.js";
import { consentButton, parentUnlinkButton } from "./parent-buttons.js";
import { parentLinkModal } from "./parent-link.js";
import { requestAcceptButton, requestDeclineButton } from "./request-buttons.js";
import { robloxLinkModal } from "./roblox-link.js";
import { screenTimeAddButton } from "./screentime-buttons.js";
import type { ButtonHandler, ModalHandler } from "./types.js";

const buttons: ButtonHandler<never>[] = [
  confirmButton,
  cancelButton,
  noopButton,
  pageButton,
  requestAcceptButton,
  requestDeclineButton,
  connectionRemoveButton,
  screenTimeAddButton,
  consentButton,
  parentUnlinkButton,
] as unknown as ButtonHandler<never>[];

export const buttonHandlers = new Map<ActionName, ButtonHandler>(
  buttons.map((b) => [b.action, b as unknown as ButtonHandler]),
);
export const modalHandlers = new Map<string, ModalHandler>([
  [robloxLinkModal.id, robloxLinkModal],
  [parentLinkModal.id, parentLinkModal],
]);
