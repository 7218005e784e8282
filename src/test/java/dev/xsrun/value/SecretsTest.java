package dev.xsrun.value;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksPlainOccurrences() {
        Secrets s = new Secrets();
        s.add("s3cr3t-key");
        assertEquals("token=**** and ****", s.mask("token=s3cr3t-key and s3cr3t-key"));
    }

    @Test
    void masksBase64Forms() {
        Secrets s = new Secrets();
        String key = "wk_ab?>~cd"; // chosen so standard and URL-safe base64 differ
        s.add(key);
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertEquals("a **** b", s.mask("a " + std + " b"));
        assertEquals("a **** b", s.mask("a " + url + " b"));
        assertEquals("Authorization: Basic ****", s.mask("Authorization: Basic " + b64(key + ":")));
    }

    @Test
    void masksUrlEncodedAndJsonEscapedForms() {
        Secrets s = new Secrets();
        s.add("pa ss\"wo/rd");
        assertEquals("?k=****", s.mask("?k=pa+ss%22wo%2Frd"));
        assertEquals("{\"k\":\"****\"}", s.mask("{\"k\":\"pa ss\\\"wo/rd\"}"));
    }

    @Test
    void longestSecretWins() {
        Secrets s = new Secrets();
        s.add("abcd");
        s.add("abcdefgh");
        assertEquals("****", s.mask("abcdefgh"));
        assertEquals("**** ****", s.mask("abcd abcdefgh"));
    }

    @Test
    void masksAtBothEndsBackToBackAndBeyondAscii() {
        Secrets s = new Secrets();
        s.add("k3y-value");
        s.add("ünïcode-secret");
        assertEquals("****", s.mask("k3y-value"));
        assertEquals("********x****", s.mask("k3y-valuek3y-valuexk3y-value"));
        assertEquals("[****] k3y-valu", s.mask("[ünïcode-secret] k3y-valu"));
        String clean = "nothing secret here: k3y";
        assertTrue(clean == s.mask(clean), "a text without secrets is returned as it is");
    }

    @Test
    void ignoresNullEmptyAndShortValues() {
        Secrets s = new Secrets();
        assertFalse(s.add(null));
        assertFalse(s.add(""));
        assertFalse(s.add("abc"));
        assertTrue(s.isEmpty());
        assertEquals("abc", s.mask("abc"));
        assertTrue(s.add("abcd"));
        assertFalse(s.isEmpty());
    }

    @Test
    void nullAndEmptyTextPassThrough() {
        Secrets s = new Secrets();
        s.add("secret");
        assertEquals(null, s.mask(null));
        assertEquals("", s.mask(""));
    }

    @Test
    void concurrentAddsAreAllMasked() throws Exception {
        Secrets s = new Secrets();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            fs.add(pool.submit(() -> s.add("secret-" + n + "-x")));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        for (int i = 0; i < 200; i++) {
            assertEquals("<****>", s.mask("<secret-" + i + "-x>"));
        }
    }

    @Test
    void aLinesScopeMasksTheRunsSecretsAndItsOwnWithoutAddingThemToTheRun() {
        Secrets run = new Secrets();
        run.add("run-secret-1");
        Secrets line = run.scope(List.of("line-secret-9", "ab"));
        assertEquals("**** ****", line.mask("run-secret-1 line-secret-9"));
        assertEquals("run: **** line-secret-9", run.mask("run: run-secret-1 line-secret-9"));
        assertTrue(run.forms().stream().noneMatch(f -> f.contains("line-secret")), run.forms().toString());
        // what the run learns later, the line masks too; what is added through the line is the run's
        run.add("late-run-secret");
        assertEquals("****", line.mask("late-run-secret"));
        line.add("found-during-line");
        assertEquals("****", run.mask("found-during-line"));
        // longest first across both: a run secret inside a line secret, and the other way round
        Secrets nested = run.scope(List.of("xx-run-secret-1-yy", "cret"));
        assertEquals("<****>", nested.mask("<xx-run-secret-1-yy>"));
        assertEquals("<****>", nested.mask("<run-secret-1>"));
        assertTrue(run.scope(List.of("ab", "")) == run, "nothing long enough to mask: the run's own registry");
    }

    @Test
    void aThreadsViewMasksWithTheScopeItIsPointedAt() {
        Secrets run = new Secrets();
        run.add("run-secret-1");
        Secrets view = run.view();
        Secrets first = run.scope(List.of("first-line-token"));
        Secrets second = run.scope(List.of("second-line-token"));
        view.point(first);
        assertEquals("**** **** second-line-token", view.mask("run-secret-1 first-line-token second-line-token"));
        view.point(second);
        assertEquals("**** first-line-token ****", view.mask("run-secret-1 first-line-token second-line-token"));
        view.point(null);
        assertEquals("**** first-line-token second-line-token", view.mask("run-secret-1 first-line-token second-line-token"));
        view.add("from-a-view-1");
        assertEquals("****", run.mask("from-a-view-1"));
    }

    /**
     * Against the rule written plainly (at each position, the longest form that starts there is masked,
     * then the scan goes on after it), over random texts made of pieces of the secrets and their forms,
     * so that starts, overlaps, near misses and neighbours are common.
     */
    @Test
    void masksAsThePlainRuleOverRandomTexts() {
        java.util.Random random = new java.util.Random(7);
        String[] secrets = {"wk_live_Abc123", "Abc1", "ÄÖü-secret", "ab\"cd\\ef", "x y+z/=", "wk_live_Abc1234567", "中文-secret",
            "😀emoji-key", "key-ends-😀"};
        Secrets s = new Secrets();
        List<String> pieces = new ArrayList<>(List.of("a", "b", "w", "k", "_", " ", "\"", "=", "é", "😀", "中", "?", "\ud83d", "d2tf"));
        for (String secret : secrets) {
            s.add(secret);
            pieces.add(secret);
            pieces.add(secret.substring(0, secret.length() - 1));
            pieces.add(secret.substring(1));
            pieces.add(b64(secret + ":"));
            pieces.add(b64(secret).substring(0, 6));
        }
        List<String> forms = new ArrayList<>(s.forms());
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(12);
            for (int k = 0; k < parts; k++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String t = text.toString();
            assertEquals(plainRule(t, forms), s.mask(t), t);
        }
    }

    private static String plainRule(String text, List<String> longestFirst) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String found = null;
            for (String form : longestFirst) {
                if (text.startsWith(form, i)) {
                    found = form;
                    break;
                }
            }
            if (found == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(Secrets.MASK);
                i += found.length();
            }
        }
        return out.toString();
    }
}
