package org.wenjin.engine.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.wenjin.engine.spi.ChatMessage;

/**
 * Trains a small {@link DecoderBlock} on question/answer pairs and writes a model folder the {@code
 * djl} backend loads: how the tests make a real model without downloading weights, and a way for an
 * operator to try the backend (it memorises its pairs; it is not a language model).
 */
public final class DecoderTraining {

  private static final int STEADY_ROUNDS = 20;

  private DecoderTraining() {}

  /** One training example: the question as a user asks it, the answer the model should give. */
  public record Example(String question, String answer) {}

  /**
   * @param tokenizerJson a HuggingFace tokenizer.json with a pair template ([CLS] q [SEP] a [SEP]),
   *     copied into the folder
   * @param shape the decoder's sizes; its vocabulary must match the tokenizer's
   * @param contexts what may come before the question ({@link DecoderPrompt}): each step puts one
   *     of them, drawn at random (an empty list for none), before its example's question, so the
   *     model learns to answer the question whatever system prompt or history precedes it
   * @param maxSteps the most steps to take; training stops earlier once every example's loss in a
   *     round over all of them is under {@code targetLoss}
   * @return the highest loss of the last round over the examples; NaN or infinite when training
   *     diverged (the caller may try another seed)
   */
  public static float train(
      Path folder,
      Path tokenizerJson,
      DecoderConfig shape,
      List<Example> examples,
      List<List<ChatMessage>> contexts,
      int maxSteps,
      float targetLoss,
      long seed)
      throws IOException {
    Files.createDirectories(folder);
    Files.copy(
        tokenizerJson, folder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
    shape.write(folder);
    Engine engine = Engine.getEngine(DjlCausalLmProvider.ENGINE);
    engine.setRandomSeed((int) seed);
    Random random = new Random(seed);
    try (HuggingFaceTokenizer tokenizer =
            HuggingFaceTokenizer.newInstance(folder.resolve("tokenizer.json"), Map.of());
        Model model =
            Model.newInstance("wenjin-lm", engine.defaultDevice(), engine.getEngineName())) {
      model.setBlock(new DecoderBlock(shape));
      var config =
          new DefaultTrainingConfig(new SoftmaxCrossEntropyLoss("loss", 1, -1, true, true))
              .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(3e-3f)).build());
      // Stopping on the loss, not after a fixed count: the same seed takes a different path on a
      // CPU with other vector kernels, and a fixed count that converges here may not there.
      // Stopping once every example stays under the target for STEADY_ROUNDS rounds in a row:
      // with a new system prompt in front each step, one good round can be luck.
      float roundLoss = Float.NaN;
      float worst = 0;
      int steady = 0;
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(1, 8));
        NDManager manager = trainer.getManager();
        ParameterStore store = new ParameterStore(manager, false);
        for (int step = 0; step < maxSteps; step++) {
          Example example = examples.get(step % examples.size());
          Sample sample = sample(tokenizer, example, contexts.get(random.nextInt(contexts.size())));
          long[] ids = sample.ids();
          try (NDManager batch = manager.newSubManager();
              GradientCollector gradients = trainer.newGradientCollector()) {
            int n = ids.length - 1;
            int from = sample.answerStart() - 1;
            NDArray input = batch.create(Arrays.copyOf(ids, n)).reshape(1, n);
            NDArray target = batch.create(Arrays.copyOfRange(ids, from + 1, n + 1));
            // next-token prediction over the answer only: what comes before it is given, and
            // learning to predict made-up system prompts would only take the model's capacity
            PairList<String, Object> answerOnly = new PairList<>();
            answerOnly.add(DecoderBlock.LOGITS_FROM, from);
            NDArray logits =
                model
                    .getBlock()
                    .forward(store, new NDList(input), true, answerOnly)
                    .get(0)
                    .reshape(n - from, shape.vocabSize());
            NDArray value = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
            gradients.backward(value);
            float loss = value.getFloat();
            if (!Float.isFinite(loss)) {
              roundLoss = loss; // diverged: more steps will not bring it back
              break;
            }
            worst = Math.max(worst, loss);
          }
          trainer.step();
          if ((step + 1) % examples.size() == 0) {
            roundLoss = worst;
            worst = 0;
            steady = roundLoss < targetLoss ? steady + 1 : 0;
            if (steady >= STEADY_ROUNDS) {
              break;
            }
          }
        }
      }

      model.save(folder, "wenjin-lm");
      return roundLoss;
    }
  }

  private record Sample(long[] ids, int answerStart) {}

  /** [CLS] conversation [SEP] answer [SEP], the conversation as the model will be asked it. */
  private static Sample sample(
      HuggingFaceTokenizer tokenizer, Example e, List<ChatMessage> context) {
    List<ChatMessage> messages = new java.util.ArrayList<>(context);
    messages.add(ChatMessage.user(e.question()));
    String conversation = DecoderPrompt.render(messages);
    return new Sample(
        tokenizer.encode(conversation, e.answer()).getIds(),
        tokenizer.encode(conversation).getIds().length);
  }
}
