import { Router } from "../router.js";
import { registerFriendActions } from "./friends-actions.js";
import { registerFriendLists } from "./friends-lists.js";
import { registerFriendRequests } from "./friends-requests.js";
import { registerGames } from "./games.js";
import { registerGroups } from "./groups.js";
import { registerModeration } from "./moderation.js";
import { registerParent } from "./parent.js";
import { registerParental } from "./parental.js";
import { registerPresence } from "./presence.js";
import { registerSettings } from "./settings.js";
import { registerThumbnails } from "./thumbnails.js";
import { registerUsers } from "./users.js";

/** Every Roblox route the simulator answers. */
export function buildRouter(): Router {
  const r = new Router();
  registerFriendLists(r);
  registerFriendRequests(r);
  registerFriendActions(r);
  registerPresence(r);
  registerUsers(r);
  registerThumbnails(r);
  registerGroups(r);
  registerGames(r);
  registerSettings(r);
  registerParental(r);
  registerParent(r);
  registerModeration(r);
  return r;
}
