-- CreateIndex
CREATE INDEX "Decision_conversationId_idx" ON "Decision"("conversationId");

-- CreateIndex
CREATE INDEX "Handoff_conversationId_idx" ON "Handoff"("conversationId");

-- CreateIndex
CREATE INDEX "Rating_conversationId_idx" ON "Rating"("conversationId");
