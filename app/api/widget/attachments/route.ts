// A customer sends an image or PDF from the widget's frame (multipart: key, visitorToken,
// clientMessageId, file). Same-origin only: the frame is served by this app.
import { handler } from "@/lib/http/handler";
import { customerAttachment } from "@/lib/attachments/customer-upload";

export const POST = handler({ accepts: "multipart" }, async ({ req, ip }) => customerAttachment(req, ip));
