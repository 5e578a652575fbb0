/// A verbatim copy of `shared/wse/calibration.json`, the only data the model is fitted to,
/// compiled in so the fit and its test need no file outside the package.
extension CalibrationSet {
    package static let publishedJSON = #"""
        {
         "note": "Published Cerebras Inference per-user output speeds (tokens/s) with public model architectures. Calibration set.",
         "points": [
          {
           "model": "Llama 3.1 70B",
           "arch": {
            "name": "Llama 3.1 70B",
            "layers": 80,
            "params_b": 70.6,
            "active_params_b": 70.6,
            "bytes_per_param": 2.0,
            "hidden": 8192,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 128,
             "attention_layers": 80,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 2100,
           "kind": "vendor",
           "date": "2024-10",
           "source": "Cerebras 'Inference 3x faster' (HN item 41942822); 2148 t/s quoted"
          },
          {
           "model": "Llama 3.1 405B",
           "arch": {
            "name": "Llama 3.1 405B",
            "layers": 126,
            "params_b": 405.0,
            "active_params_b": 405.0,
            "bytes_per_param": 2.0,
            "hidden": 16384,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 128,
             "attention_layers": 126,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 969,
           "kind": "vendor",
           "date": "2024-11",
           "source": "Tom's Hardware 2024-11-20 (TTFT 0.24 s)"
          },
          {
           "model": "Llama 3.3 70B",
           "arch": {
            "name": "Llama 3.3 70B",
            "layers": 80,
            "params_b": 70.6,
            "active_params_b": 70.6,
            "bytes_per_param": 2.0,
            "hidden": 8192,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 128,
             "attention_layers": 80,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 2314,
           "kind": "AA",
           "date": "2025",
           "source": "anintent.com citing AA via H. Lupesko (TTFT ~170 ms)"
          },
          {
           "model": "Llama 4 Scout",
           "arch": {
            "name": "Llama 4 Scout",
            "layers": 48,
            "params_b": 109.0,
            "active_params_b": 17.0,
            "bytes_per_param": 2.0,
            "hidden": 5120,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 128,
             "attention_layers": 12,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 2600,
           "kind": "vendor",
           "date": "2025-04",
           "source": "inference-docs.cerebras.ai/models/llama-4-scout"
          },
          {
           "model": "Qwen3 32B",
           "arch": {
            "name": "Qwen3 32B",
            "layers": 64,
            "params_b": 32.8,
            "active_params_b": 32.8,
            "bytes_per_param": 2.0,
            "hidden": 5120,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 128,
             "attention_layers": 64,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 2337,
           "kind": "vendor",
           "date": "2025-05",
           "source": "inference-docs qwen-3-32b (two snapshots: ~2100, ~2600; geo-mean)"
          },
          {
           "model": "gpt-oss-120b",
           "arch": {
            "name": "gpt-oss-120b",
            "layers": 36,
            "params_b": 117.0,
            "active_params_b": 5.1,
            "bytes_per_param": 0.54,
            "hidden": 2880,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 64,
             "attention_layers": 18,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 1844,
           "kind": "AA",
           "date": "2025-08+",
           "source": "artificialanalysis.ai/models/gpt-oss-120b-low/providers (vendor says ~3000)"
          },
          {
           "model": "Llama 3.1 8B",
           "arch": {
            "name": "Llama 3.1 8B",
            "layers": 32,
            "params_b": 8.03,
            "active_params_b": 8.03,
            "bytes_per_param": 2.0,
            "hidden": 4096,
            "kv": {
             "kind": "gqa",
             "kv_heads": 8,
             "head_dim": 128,
             "attention_layers": 32,
             "bytes_per_value": 2
            }
           },
           "observed_tokens_per_second": 2200,
           "kind": "vendor",
           "date": "2026-05",
           "source": "hivebook.wiki summary of Cerebras docs (May 2026)"
          }
         ]
        }
        """#
}
