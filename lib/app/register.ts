// Loads every domain that registers socket handlers, start/stop hooks or services. Imported once
// by server.ts, so all of this lives in the server's own module graph (see lib/app/services.ts).
import "@/lib/handoff/agent-socket";
import "@/lib/chat/widget-socket";
import "@/lib/tenant-models/startup";
import "@/lib/handoff/startup";
import "@/lib/privacy/schedule";
import "@/lib/knowledge/startup";
import "@/lib/webhooks/startup";
import "@/lib/metrics/startup";
import "@/lib/mail/startup";
import { registerServices } from "@/lib/app/services";
import { modelHealth } from "@/lib/health/model-health";
import { cancelTraining, startTraining } from "@/lib/tenant-models/training-jobs";
import { publishModelVersion } from "@/lib/tenant-models/publish";
import { tryModelVersion } from "@/lib/tenant-models/try-model";
import { returnConversationsToQueue } from "@/lib/handoff/presence";
import { metricsText } from "@/lib/metrics/registry";
import { receiveCustomerMessage } from "@/lib/chat/customer-message";
import { sendAgentMessage } from "@/lib/handoff/actions";

registerServices({ modelHealth, startTraining, cancelTraining, publishModelVersion, tryModelVersion, returnConversationsToQueue, metricsText, receiveCustomerMessage, sendAgentMessage });
